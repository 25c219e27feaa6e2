package io.mtlsoperator.bench.cluster;

import java.time.Duration;

/**
 * Restarts the operator with C certificates in the cluster and measures the time from process
 * start to each step. The steps are /metrics responding, /readyz (caches filled), the first
 * reconcile, as many reconciles finished as there are resources, and the operator idle again.
 * With C = 0, only the CA of namespace bench-startup exists beside what earlier scenarios left,
 * so the first reconcile is a CA's.
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
    long idle = -1;
    OperatorCounters counters = OperatorCounters.ZERO;
    while (idle < 0 && System.nanoTime() < deadline) {
      Thread.sleep(firstReconcile < 0 ? FAST_POLL.toMillis() : SLOW_POLL.toMillis());
      // Each time is taken after the response arrived: a scrape can block while the operator starts.
      var text = operator.metricsText();
      long now = System.nanoTime();
      if (text.isEmpty()) {
        continue;
      }
      metricsUp = metricsUp < 0 ? now : metricsUp;
      OperatorCounters previous = counters;
      counters = OperatorCounters.from(text.get());
      if (ready < 0 && operator.isReady()) {
        ready = System.nanoTime();
      }
      if (firstReconcile < 0 && counters.reconcilesStarted() > 0) {
        firstReconcile = now;
      }
      double finished = counters.reconcilesSucceeded() + counters.reconcilesFailed();
      if (allReconciled < 0 && finished >= primaries) {
        allReconciled = now;
      }
      // Idle: every reconcile that started has finished, and none started since the last poll.
      if (allReconciled >= 0 && finished >= counters.reconcilesStarted()
          && counters.reconcilesStarted() == previous.reconcilesStarted()) {
        idle = now;
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
    log.line("- process start to %d reconciles finished (as many as existing resources): %s; to idle (no "
        + "reconcile running or started for %d s): %s", primaries, since(started, allReconciled),
        SLOW_POLL.toSeconds(), since(started, idle));
    log.line("- until idle: %.0f reconciles started (%.2f per existing resource), %.0f failed, mean reconcile "
        + "%.1f ms, %.0f issuances", counters.reconcilesStarted(), counters.reconcilesStarted() / Math.max(1, primaries),
        counters.reconcilesFailed(), counters.meanReconcileMillis(), counters.issuances());
    log.line("- API requests by the operator and kube-controller-manager meanwhile: %.0f (%.2f per existing "
        + "resource); by verb and resource: %s", byOthers, byOthers / Math.max(1, primaries),
        requests.byVerbAndResource().entrySet().stream().filter(entry -> entry.getValue() >= 3)
            .map(entry -> String.format("%s %.0f", entry.getKey(), entry.getValue())).toList());
  }

  private static String since(long started, long at) {
    return at < 0 ? "not reached" : String.format("%.2f s", (at - started) / 1e9);
  }
}
