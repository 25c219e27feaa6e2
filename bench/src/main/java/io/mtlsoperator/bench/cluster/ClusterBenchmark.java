package io.mtlsoperator.bench.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.mtlsoperator.testing.cluster.ClusterBackend;
import io.mtlsoperator.testing.cluster.CrdInstaller;
import io.mtlsoperator.testing.cluster.RepositoryRoot;
import io.mtlsoperator.testing.cluster.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the operator against a real API server: starts the local control plane (or the
 * cluster that MTLS_CLUSTER selects), runs the operator as its own JVM, and runs the scenarios of
 * the plan in order. Results go to stdout and to results.md in the output directory.
 */
public final class ClusterBenchmark {

  private ClusterBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "bench-logback.xml");
    }
    Path root = RepositoryRoot.find();
    BenchOptions options;
    List<Scenario> plan;
    try {
      options = BenchOptions.parse(args, root);
      plan = options.plan().stream().map(Scenario::parse).toList();
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    Files.createDirectories(options.outputDirectory());
    Files.deleteIfExists(options.outputDirectory().resolve("operator.log"));
    ResultLog log = new ResultLog(options.outputDirectory().resolve("results.md"));
    List<String> failed = new ArrayList<>();
    long started = System.nanoTime();

    System.out.println("==> starting the cluster (" + ClusterBackend.selected() + ")");
    RunShutdown shutdown = new RunShutdown();
    // Ctrl-C or SIGTERM must not leave the operator, etcd and kube-apiserver running.
    Thread hook = new Thread(shutdown::run, "stop-benchmark");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      TestCluster cluster = shutdown.add(ClusterBackend.selected().open());
      HarnessRequestCounter counter = new HarnessRequestCounter();
      String kubeconfigText = cluster.adminKubeconfig();
      KubernetesClient client = shutdown.add(new KubernetesClientBuilder()
          .withConfig(Config.fromKubeconfig(kubeconfigText))
          .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor("harness-request-counter",
              counter))
          .build());
      CrdInstaller.installAll(client, root.resolve("crds"));
      Path kubeconfig = writeKubeconfig(kubeconfigText);
      log.line("- run started %s; plan: %s", Instant.now(), String.join(",", options.plan()));
      log.line("- machine: %s", MachineDescription.describe());
      log.line("- cluster: %s; harness parallelism %d", cluster.description(), options.concurrency());
      BenchContext context = shutdown.add(new BenchContext(options, client, counter, kubeconfig, log));
      for (Scenario scenario : plan) {
        System.out.printf("%n==> scenario %s (%d s into the run)%n", scenario.name(),
            (System.nanoTime() - started) / 1_000_000_000L);
        try {
          scenario.run(context);
        } catch (Exception e) {
          failed.add(scenario.name());
          log.line("- FAILED %s: %s", scenario.name(), e);
          e.printStackTrace();
        }
      }
    } finally {
      shutdown.run();
      Runtime.getRuntime().removeShutdownHook(hook);
    }
    System.out.printf("%n==> done in %d s; results in %s%n", (System.nanoTime() - started) / 1_000_000_000L,
        log.file());
    if (!failed.isEmpty()) {
      System.err.println("error: scenarios failed: " + failed);
      System.exit(1);
    }
  }

  /** Writes the admin kubeconfig for the operator process, readable by this user only. */
  private static Path writeKubeconfig(String kubeconfig) throws java.io.IOException {
    Path file = Files.createTempFile("mtls-bench", ".kubeconfig",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    file.toFile().deleteOnExit();
    Files.writeString(file, kubeconfig);
    return file;
  }
}
