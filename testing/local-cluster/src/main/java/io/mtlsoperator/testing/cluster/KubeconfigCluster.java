package io.mtlsoperator.testing.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An existing cluster (kind, k3d, a Kyma cluster) named by KUBECONFIG or ~/.kube/config. */
final class KubeconfigCluster implements TestCluster {

  private final KubernetesClient adminClient;
  private final String kubeconfig;

  private KubeconfigCluster(KubernetesClient adminClient, String kubeconfig) {
    this.adminClient = adminClient;
    this.kubeconfig = kubeconfig;
  }

  static KubeconfigCluster connect() {
    Path file = kubeconfigFile();
    String kubeconfig;
    try {
      kubeconfig = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the kubeconfig " + file
          + "; set KUBECONFIG to the cluster's kubeconfig file", e);
    }
    KubernetesClient client = new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(kubeconfig)).build();
    try {
      client.getKubernetesVersion();
    } catch (KubernetesClientException e) {
      client.close();
      throw new ClusterUnavailableException("The cluster in " + file + " is not reachable: " + e.getMessage(), e);
    }
    return new KubeconfigCluster(client, kubeconfig);
  }

  private static Path kubeconfigFile() {
    String variable = System.getenv("KUBECONFIG");
    if (variable != null && !variable.isBlank()) {
      // Like kubectl, use the first file of a path list.
      return Path.of(variable.split(java.io.File.pathSeparator)[0]);
    }
    return Path.of(System.getProperty("user.home"), ".kube", "config");
  }

  @Override
  public String description() {
    return "cluster of KUBECONFIG at " + adminClient.getMasterUrl();
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
  }
}
