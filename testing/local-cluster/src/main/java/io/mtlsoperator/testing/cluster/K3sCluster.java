package io.mtlsoperator.testing.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/** k3s in a container through Testcontainers, where a Docker engine runs. */
final class K3sCluster implements TestCluster {

  private static final Logger log = LoggerFactory.getLogger(K3sCluster.class);
  private static final String IMAGE = "rancher/k3s:v1.33.4-k3s1";

  private final K3sContainer container;
  private final KubernetesClient adminClient;
  private final String kubeconfig;

  private K3sCluster(K3sContainer container) {
    this.container = container;
    this.kubeconfig = container.getKubeConfigYaml();
    this.adminClient = new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(kubeconfig)).build();
  }

  static K3sCluster start() {
    if (!dockerAvailable()) {
      throw new ClusterUnavailableException(
          "The k3s backend needs a Docker engine, and none is reachable on this machine; "
              + "use the local control plane (the default) or KUBECONFIG instead");
    }
    K3sContainer container = new K3sContainer(DockerImageName.parse(IMAGE));
    log.info("Starting k3s container {}", IMAGE);
    container.start();
    return new K3sCluster(container);
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      log.debug("Docker probe failed", e);
      return false;
    }
  }

  @Override
  public String description() {
    return "k3s container " + IMAGE;
  }

  @Override
  public KubernetesClient adminClient() {
    return adminClient;
  }

  @Override
  public String adminKubeconfig() {
    return kubeconfig;
  }

  @Override
  public KubernetesClient clientFor(String namespace, String serviceAccountName) {
    return ServiceAccountTokens.clientFor(adminClient, namespace, serviceAccountName);
  }

  @Override
  public void close() {
    adminClient.close();
    container.stop();
  }
}
