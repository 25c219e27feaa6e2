package io.mtlsoperator.demo;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.MtlsOperator;
import io.mtlsoperator.OperatorSettings;
import io.mtlsoperator.testing.cluster.ClusterBackend;
import io.mtlsoperator.testing.cluster.RepositoryRoot;
import io.mtlsoperator.testing.cluster.TestCluster;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves the product end to end with one command: starts a cluster, installs the CRDs, runs the
 * operator in this process, applies examples/quickstart, waits until every resource is Ready and
 * checks the issued Secrets with OpenSSL mutual-TLS handshakes on 127.0.0.1.
 *
 * <p>The cluster is the local control plane unless {@code MTLS_CLUSTER} (or {@code -Dmtls.cluster})
 * names another backend, e.g. {@code MTLS_CLUSTER=kubeconfig} for the cluster in KUBECONFIG. Run it
 * from the repository checkout. The exit code is 0 when every resource became Ready and every
 * handshake ended as expected, and 1 otherwise.
 */
public final class QuickstartDemo {

  private static final String LOGBACK_CONFIGURATION_PROPERTY = "logback.configurationFile";

  static {
    // The operator's jar ships a logback.xml too. Naming the demo's own file keeps logback from
    // picking by classpath order and from printing its duplicate-resource warning. This runs before
    // the first logger below is created.
    if (System.getProperty(LOGBACK_CONFIGURATION_PROPERTY) == null) {
      System.setProperty(LOGBACK_CONFIGURATION_PROPERTY, "demo-logback.xml");
    }
  }

  private static final Logger log = LoggerFactory.getLogger(QuickstartDemo.class);

  static final String NAMESPACE = "mtls-demo";
  static final String QUICKSTART_DIRECTORY = "examples/quickstart";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration NAMESPACE_DELETION_TIMEOUT = Duration.ofSeconds(60);
  private static final int STEP_COUNT = 7;

  private QuickstartDemo() {
  }

  public static void main(String[] args) {
    long started = System.nanoTime();
    int exitCode;
    try {
      exitCode = run() ? 0 : 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.error("Demo interrupted");
      exitCode = 1;
    } catch (Exception e) {
      log.error("Demo failed: {}", e.getMessage(), e);
      exitCode = 1;
    }
    log.info("Demo finished in {} with exit code {}", Elapsed.format(Elapsed.since(started)), exitCode);
    // Thread pools of the operator and the HTTP client can outlive close(), so exit without waiting for them.
    System.exit(exitCode);
  }

  /** Runs every step and prints the summary. Returns whether the demo passed. */
  private static boolean run() throws IOException, InterruptedException {
    Path repositoryRoot = RepositoryRoot.find();
    List<Path> manifests = ManifestFiles.in(repositoryRoot.resolve(QUICKSTART_DIRECTORY));
    ClusterBackend backend = ClusterBackend.selected();

    step(1, "start the cluster, backend " + backend.name().toLowerCase(Locale.ROOT)
        + (backend == ClusterBackend.LOCAL
            ? " (without cached binaries this builds Kubernetes from source first, which takes several minutes)" : ""));
    DemoReport report;
    try (TestCluster cluster = backend.open()) {
      log.info("Using the {}", cluster.description());
      KubernetesClient client = cluster.adminClient();

      step(2, "install the CustomResourceDefinitions");
      CrdSource.install(client, repositoryRoot);

      step(3, "create namespace " + NAMESPACE);
      DemoNamespace namespace = DemoNamespace.createOrReuse(client, NAMESPACE, NAMESPACE_DELETION_TIMEOUT);
      // Only a cluster that outlives the demo needs cleaning up, because the local control plane and k3s are discarded.
      boolean deleteNamespace = backend == ClusterBackend.KUBECONFIG;
      report = runOperatorAndChecks(client, namespace, manifests, deleteNamespace);
    }
    printSummary(report, System.out);
    return report.failures().isEmpty();
  }

  private static DemoReport runOperatorAndChecks(KubernetesClient client, DemoNamespace namespace,
      List<Path> manifests, boolean deleteNamespace) throws IOException, InterruptedException {
    step(4, "start the operator in this process, watching namespace " + namespace.name());
    long operatorStarting = System.nanoTime();
    MtlsOperator operator = MtlsOperator.create(client,
        OperatorSettings.defaults().withNamespaces(Set.of(namespace.name())));
    ManifestApplier applier = new ManifestApplier(client, namespace.name());
    try {
      operator.start();
      log.info("Operator started in {}", Elapsed.format(Elapsed.since(operatorStarting)));

      step(5, "apply the manifests of " + QUICKSTART_DIRECTORY + " into namespace " + namespace.name());
      long applyStarted = System.nanoTime();
      List<ResourceKey> applied = applier.apply(manifests);

      step(6, "wait until every CertificateAuthority and MtlsCertificate is Ready (timeout "
          + READY_TIMEOUT.toSeconds() + " s)");
      ReadinessWait.ReadinessResult readiness =
          new ReadinessWait(client, namespace.name(), applied, READY_TIMEOUT).await(applyStarted);
      if (!readiness.allReady()) {
        log.error("Skipping step 7, the TLS handshakes, because not every resource is Ready");
        return new DemoReport(readiness, Map.of(), null);
      }
      log.info("All {} resources are Ready {} after the apply started", readiness.resources().size(),
          Elapsed.format(readiness.elapsed()));

      step(7, "check the Secrets with OpenSSL mutual-TLS handshakes on " + LoopbackPort.ADDRESS);
      return checkHandshakes(client, namespace, readiness);
    } finally {
      if (deleteNamespace) {
        namespace.deleteIfCreated(applier.applied(), NAMESPACE_DELETION_TIMEOUT);
      }
      log.info("Stopping the operator");
      operator.close();
    }
  }

  // A failing handshake setup (no openssl, a Secret without ca.crt) still ends in the summary table.
  private static DemoReport checkHandshakes(KubernetesClient client, DemoNamespace namespace,
      ReadinessWait.ReadinessResult readiness) throws InterruptedException {
    try {
      return new DemoReport(readiness,
          new HandshakeCheck(client, namespace.name()).run(readiness.resources()), null);
    } catch (IOException | RuntimeException e) {
      log.error("Handshake check failed: {}", e.getMessage(), e);
      return new DemoReport(readiness, Map.of(), e.getMessage());
    }
  }

  private static void printSummary(DemoReport report, PrintStream out) {
    boolean handshakesRan = report.readiness().allReady() && report.handshakeError() == null;
    out.println();
    out.println("mtls-operator quickstart demo, namespace " + NAMESPACE + ":");
    out.println();
    out.print(SummaryTable.render(report.readiness().resources(), report.handshakes(), handshakesRan));
    out.println();
    if (report.readiness().allReady()) {
      out.println("Time from apply to all Ready: " + Elapsed.format(report.readiness().elapsed())
          + " (polled every " + ReadinessWait.POLL_INTERVAL.toMillis() + " ms)");
    } else {
      out.println("Not every resource was Ready within " + READY_TIMEOUT.toSeconds() + " s");
    }
    List<String> failures = report.failures();
    if (failures.isEmpty()) {
      long asExpected = report.handshakes().values().stream().filter(HandshakeOutcome::asExpected).count();
      out.println("PASSED: " + report.readiness().resources().size() + " resources Ready, " + asExpected + " of "
          + report.handshakes().size() + " handshakes as expected");
    } else {
      out.println("FAILED:");
      failures.forEach(failure -> out.println("  - " + failure));
    }
    out.println();
    out.flush();
  }

  private static void step(int number, String description) {
    log.info("Step {}/{}: {}", number, STEP_COUNT, description);
  }
}
