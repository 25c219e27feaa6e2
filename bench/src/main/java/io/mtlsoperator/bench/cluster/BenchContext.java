package io.mtlsoperator.bench.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.ListMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The state that every scenario shares: the admin client, the metrics readers, the operator
 * process and the result log.
 */
final class BenchContext implements AutoCloseable {

  private static final Duration OPERATOR_READY_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration AUTHORITY_READY_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration IDLE_POLL = Duration.ofSeconds(1);
  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

  private final BenchOptions options;
  private final KubernetesClient client;
  private final PkiResources resources;
  private final ApiServerMetrics apiServer;
  private final Path kubeconfig;
  private final ResultLog log;
  private final CryptoFloor cryptoFloor;
  private OperatorProcess operator;
  private int operatorStarts;

  BenchContext(BenchOptions options, KubernetesClient client, HarnessRequestCounter counter, Path kubeconfig,
      ResultLog log) {
    this.options = options;
    this.client = client;
    this.resources = new PkiResources(client);
    this.apiServer = new ApiServerMetrics(client, counter);
    this.kubeconfig = kubeconfig;
    this.log = log;
    this.cryptoFloor = CryptoFloor.read(options.pkiCostResults());
  }

  BenchOptions options() {
    return options;
  }

  KubernetesClient client() {
    return client;
  }

  PkiResources resources() {
    return resources;
  }

  ApiServerMetrics apiServer() {
    return apiServer;
  }

  ResultLog log() {
    return log;
  }

  CryptoFloor cryptoFloor() {
    return cryptoFloor;
  }

  Duration timeout() {
    return Duration.ofMinutes(options.timeoutMinutes());
  }

  /** Returns the running operator, starting it and waiting for /readyz first if none runs. */
  OperatorProcess operator() throws InterruptedException {
    if (operator == null) {
      startOperator();
      awaitOperatorReady();
    }
    operator.ensureAlive();
    return operator;
  }

  /** Stops the running operator, if any, and starts a new one without waiting for it. */
  OperatorProcess restartOperator() {
    stopOperator();
    return startOperator();
  }

  private OperatorProcess startOperator() {
    operatorStarts++;
    System.out.println("==> starting the operator (start " + operatorStarts + "), JVM options "
        + options.operatorJvmOptions() + ", log in " + options.outputDirectory().resolve("operator.log"));
    operator = OperatorProcess.start(options.operatorJar(), kubeconfig, options.operatorJvmOptions(),
        options.outputDirectory().resolve("operator.log"));
    return operator;
  }

  private void awaitOperatorReady() throws InterruptedException {
    long deadline = System.nanoTime() + OPERATOR_READY_TIMEOUT.toNanos();
    while (!operator.isReady()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The operator was not ready after " + OPERATOR_READY_TIMEOUT.toMinutes()
            + " min; see operator.log");
      }
      Thread.sleep(200);
    }
  }

  void stopOperator() {
    if (operator != null) {
      operator.close();
      operator = null;
    }
  }

  /**
   * Waits until the operator runs no reconcile and started none in the last second, at most 60 s.
   * Its own writes trigger a second reconcile of each resource, which would otherwise spill into
   * the next measurement.
   */
  void awaitOperatorIdle() {
    if (operator == null) {
      return;
    }
    long deadline = System.nanoTime() + IDLE_TIMEOUT.toNanos();
    OperatorCounters previous = operatorCounters();
    while (System.nanoTime() < deadline) {
      try {
        Thread.sleep(IDLE_POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      OperatorCounters current = operatorCounters();
      boolean noneRunning = current.reconcilesStarted() <= current.reconcilesSucceeded() + current.reconcilesFailed();
      if (noneRunning && current.reconcilesStarted() == previous.reconcilesStarted()) {
        return;
      }
      previous = current;
    }
    System.out.println("  the operator was still reconciling after " + IDLE_TIMEOUT.toSeconds() + " s");
  }

  /** Returns CPU time per component so far; see {@link ProcessCpu}. */
  java.util.Map<String, Duration> processCpu() {
    return ProcessCpu.read(java.util.Optional.ofNullable(operator).map(OperatorProcess::handle));
  }

  /** Returns the operator's counters, or zeros while no operator runs or its endpoint is not up. */
  OperatorCounters operatorCounters() {
    if (operator == null) {
      return OperatorCounters.ZERO;
    }
    return operator.metricsText().map(OperatorCounters::from).orElse(OperatorCounters.ZERO);
  }

  /** Creates the namespace and its benchmark CA with {@code key} unless they exist, and waits until the CA is Ready. */
  void ensureAuthority(String namespace, KeyChoice key) throws InterruptedException {
    resources.ensureNamespace(namespace);
    if (resources.authorities().inNamespace(namespace).withName(PkiResources.CA_NAME).get() == null) {
      resources.authorities().inNamespace(namespace).resource(resources.authority(namespace, key)).create();
    }
    if (operator == null) {
      return;
    }
    long deadline = System.nanoTime() + AUTHORITY_READY_TIMEOUT.toNanos();
    while (true) {
      GenericKubernetesResource authority = resources.authorities().inNamespace(namespace)
          .withName(PkiResources.CA_NAME).get();
      if (authority != null && PkiResources.isReady(authority)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("CertificateAuthority " + namespace + "/" + PkiResources.CA_NAME
            + " was not Ready after " + AUTHORITY_READY_TIMEOUT.toMinutes() + " min");
      }
      Thread.sleep(200);
    }
  }

  /**
   * Creates {@code count} ECDSA certificates named {@code prefix-00001} and on, and waits until all
   * are Ready. Used to set up state, so nothing is measured.
   */
  void createReadyCertificates(String namespace, String prefix, int firstIndex, int count)
      throws InterruptedException {
    if (count <= 0) {
      return;
    }
    operator();
    ensureAuthority(namespace, KeyChoice.ECDSA);
    List<String> names = IntStream.range(firstIndex, firstIndex + count)
        .mapToObj(i -> String.format("%s-%05d", prefix, i)).toList();
    try (ConditionWatch ready = new ConditionWatch(resources, namespace, PkiResources::isReady)) {
      ConcurrentRequests.Outcome created = ConcurrentRequests.run(names, options.concurrency(),
          name -> resources.certificates().inNamespace(namespace)
              .resource(resources.certificate(namespace, name, KeyChoice.ECDSA)).create());
      if (!ready.awaitCount(created.sentAt().size(), timeout(), "setup " + namespace + " Ready")) {
        throw new IllegalStateException("Setting up " + count + " certificates in " + namespace + " timed out");
      }
    }
    awaitOperatorIdle();
  }

  /** Returns how many MtlsCertificates exist in the cluster, from one list call with limit 1. */
  long countCertificates() {
    var list = resources.certificates().inAnyNamespace().list(new ListOptionsBuilder().withLimit(1L).build());
    return count(list.getMetadata(), list.getItems().size());
  }

  /** Returns how many Secrets exist in the cluster, from one list call with limit 1. */
  long countSecrets() {
    var list = client.secrets().inAnyNamespace().list(new ListOptionsBuilder().withLimit(1L).build());
    return count(list.getMetadata(), list.getItems().size());
  }

  private static long count(ListMeta metadata, int itemsOnPage) {
    Long remaining = metadata == null ? null : metadata.getRemainingItemCount();
    return itemsOnPage + (remaining == null ? 0 : remaining);
  }

  @Override
  public void close() {
    stopOperator();
  }
}
