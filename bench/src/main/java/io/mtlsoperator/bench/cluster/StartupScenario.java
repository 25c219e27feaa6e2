package io.mtlsoperator.bench.cluster;

import java.time.Duration;

/**
 * Restarts the operator with C certificates in the cluster and measures, from the moment the
 * process is started: its metrics endpoint responding, /readyz (caches filled), the first
 * reconcile, and every existing resource reconciled once. With C = 0, only the CA of namespace
 * bench-startup exists beside what earlier scenarios left, so the first reconcile is a CA's.
 */
final class StartupScenario implements Scenario {

  private static final Duration FAST_POLL = Duration.ofMillis(50);
  private static final Duration SLOW_POLL = Duration.ofSeconds(1);

  private final int certificates;

  StartupScenario(int certificates) {
    this.certificates = certificates;
  }

  @Override
  public String name() {
    return "startup:" + certificates;
  }

  @Override
  public void run(BenchContext context) throws Exception {
    if (certificates > 0) {
      MemoryScenario.topUp(context, certificates);
    } else {
      context.ensureAuthority("bench-startup", KeyChoice.ECDSA);
    }
    context.stopOperator();
    long existingCertificates = context.countCertificates();
    long existingAuthorities = context.resources().authorities().inAnyNamespace().list().getItems().size();
    long primaries = existingCertificates + existingAuthorities;
    String loadBefore = MachineLoad.loadAverages();
    ApiServerMetrics.Snapshot apiBefore = context.apiServer().snapshot();
    System.out.printf("==> %s: starting the operator with %d certificates and %d CAs in the cluster%n", name(),
        existingCertificates, existingAuthorities);

    OperatorProcess operator = context.restartOperator();
    long started = operator.startedNanos();
    long deadline = started + context.timeout().toNanos();
    long metricsUp = -1;
    long ready = -1;
    long firstReconcile = -1;
    long allReconciled = -1;
    OperatorCounters counters = OperatorCounters.ZERO;
    while (allReconciled < 0 && System.nanoTime() < deadline) {
      Thread.sleep(firstReconcile < 0 ? FAST_POLL.toMillis() : SLOW_POLL.toMillis());
      long now = System.nanoTime();
      var text = operator.metricsText();
      if (text.isEmpty()) {
        continue;
      }
      metricsUp = metricsUp < 0 ? now : metricsUp;
      counters = OperatorCounters.from(text.get());
      if (ready < 0 && operator.isReady()) {
        ready = now;
      }
      if (firstReconcile < 0 && counters.reconcilesStarted() > 0) {
        firstReconcile = now;
      }
      if (counters.reconcilesSucceeded() + counters.reconcilesFailed() >= primaries) {
        allReconciled = now;
      }
    }
    ApiServerMetrics.Snapshot apiAfter = context.apiServer().snapshot();
    ApiRequestCounts requests = apiAfter.requests().minus(apiBefore.requests());
    double byOthers = requests.total() - (apiAfter.harnessRequests() - apiBefore.harnessRequests());

    ResultLog log = context.log();
    log.heading("Startup: " + existingCertificates + " certificates and " + existingAuthorities
        + " CAs in the cluster");
    log.line("- load averages (1, 5, 15 min) before: %s; after: %s", loadBefore, MachineLoad.loadAverages());
    log.line("- process start to /metrics responding: %s; to /readyz 200 (caches filled): %s", since(started,
        metricsUp), since(started, ready));
    log.line("- process start to first reconcile started: %s (polled every %d ms)", since(started, firstReconcile),
        FAST_POLL.toMillis());
    log.line("- process start to %d reconciles finished (one per existing resource): %s (polled every %d s); "
        + "%.0f started, %.0f failed, mean reconcile %.1f ms", primaries, since(started, allReconciled),
        SLOW_POLL.toSeconds(), counters.reconcilesStarted(), counters.reconcilesFailed(),
        counters.meanReconcileMillis());
    log.line("- API requests by the operator and kube-controller-manager meanwhile: %.0f (%.2f per existing "
        + "resource); by verb and resource: %s", byOthers, byOthers / Math.max(1, primaries),
        requests.byVerbAndResource());
  }

  private static String since(long started, long at) {
    return at < 0 ? "not reached" : String.format("%.2f s", (at - started) / 1e9);
  }
}
