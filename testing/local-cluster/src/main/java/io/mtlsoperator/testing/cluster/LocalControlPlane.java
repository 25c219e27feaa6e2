package io.mtlsoperator.testing.cluster;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real control plane on this machine: etcd and kube-apiserver started by Fabric8's
 * kube-api-test in offline mode from the binaries that testing/control-plane/build caches, plus
 * kube-controller-manager for garbage collection and namespace deletion, which a bare API server
 * does not do.
 */
public final class LocalControlPlane implements TestCluster {

  private static final Logger log = LoggerFactory.getLogger(LocalControlPlane.class);

  /** Where the binaries are and how to start them. */
  public record Options(Path repositoryRoot, Duration startupTimeout) {

    public static Options defaults() {
      return new Options(RepositoryRoot.find(), Duration.ofSeconds(120));
    }
  }

  private final KubeAPIServer apiServer;
  private final ControllerManagerProcess controllerManager;
  private final KubernetesClient adminClient;
  private final String adminKubeconfig;
  private final String version;

  private LocalControlPlane(KubeAPIServer apiServer, ControllerManagerProcess controllerManager,
      String adminKubeconfig, String version) {
    this.apiServer = apiServer;
    this.controllerManager = controllerManager;
    this.adminKubeconfig = adminKubeconfig;
    this.version = version;
    this.adminClient = new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(adminKubeconfig)).build();
  }

  /** Builds the binaries if the cache lacks them, then starts etcd, the API server and the controller manager. */
  public static LocalControlPlane start(Options options) {
    long started = System.nanoTime();
    ControlPlaneBinaries binaries = ControlPlaneBinaries.build(options.repositoryRoot());

    log.info("Starting etcd and kube-apiserver {} from {}", binaries.version(), binaries.directory());
    KubeAPIServer apiServer = new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
        .withTestDir(binaries.cacheRoot().toString())
        .withApiServerVersion(binaries.version())
        .withOfflineMode(true)
        .withUpdateKubeConfig(false)
        .withWaitForEtcdHealthCheckOnStartup(true)
        .withStartupTimeout((int) options.startupTimeout().toMillis())
        // Serve on loopback only: the tests and the demo are the only clients.
        .withApiServerFlags(List.of("--bind-address", "127.0.0.1"))
        .build());
    apiServer.start();
    String kubeconfig = apiServer.getKubeConfigYaml();

    ControllerManagerProcess controllerManager;
    try {
      controllerManager = ControllerManagerProcess.start(binaries, writeKubeconfig(kubeconfig));
    } catch (RuntimeException e) {
      apiServer.stop();
      throw e;
    }

    LocalControlPlane plane = new LocalControlPlane(apiServer, controllerManager, kubeconfig,
        binaries.version());
    log.info("Local control plane {} is ready in {} ms", binaries.version(),
        (System.nanoTime() - started) / 1_000_000);
    return plane;
  }

  private static Path writeKubeconfig(String kubeconfig) {
    try {
      Path file = Files.createTempFile("mtls-operator-admin", ".kubeconfig");
      file.toFile().deleteOnExit();
      Files.writeString(file, kubeconfig);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to write the admin kubeconfig for kube-controller-manager", e);
    }
  }

  @Override
  public String description() {
    return "local control plane " + version;
  }

  @Override
  public KubernetesClient adminClient() {
    return adminClient;
  }

  @Override
  public String adminKubeconfig() {
    return adminKubeconfig;
  }

  @Override
  public KubernetesClient clientFor(String namespace, String serviceAccountName) {
    return ServiceAccountTokens.clientFor(adminClient, namespace, serviceAccountName);
  }

  @Override
  public void close() {
    log.info("Stopping the local control plane");
    adminClient.close();
    controllerManager.stop();
    apiServer.stop();
  }
}
