package io.mtlsoperator.bench.cluster;

import java.time.Duration;
import java.util.Map;

/**
 * The activity of the API server and the operator between {@link #open} and {@link #close}:
 * request counts by verb and resource, the peak request rate, the operator's reconcile counters,
 * and the machine's load averages before and after.
 */
final class MeasurementWindow implements AutoCloseable {

  private final BenchContext context;
  private final ApiServerMetrics.Snapshot apiBefore;
  private final OperatorCounters operatorBefore;
  private final Map<String, Duration> cpuBefore;
  private final String loadBefore;
  private final RequestRateSampler sampler;
  private final long openedNanos;
  private ApiServerMetrics.Snapshot apiAfter;
  private OperatorCounters operatorAfter;
  private Map<String, Duration> cpuAfter;
  private String loadAfter;

  private MeasurementWindow(BenchContext context) {
    this.context = context;
    this.loadBefore = MachineLoad.loadAverages();
    this.operatorBefore = context.operatorCounters();
    this.cpuBefore = context.processCpu();
    this.apiBefore = context.apiServer().snapshot();
    this.sampler = new RequestRateSampler(context.apiServer(), context.options().sampleSeconds());
    this.openedNanos = System.nanoTime();
  }

  static MeasurementWindow open(BenchContext context) {
    return new MeasurementWindow(context);
  }

  /**
   * Waits for the operator to finish the reconciles that follow its own writes, then takes the
   * closing readings. The latencies are measured earlier, when the watch saw the result, but the
   * request counts would otherwise miss the trailing reconciles.
   */
  @Override
  public void close() {
    if (apiAfter != null) {
      return;
    }
    context.awaitOperatorIdle();
    sampler.close();
    apiAfter = context.apiServer().snapshot();
    operatorAfter = context.operatorCounters();
    cpuAfter = context.processCpu();
    loadAfter = MachineLoad.loadAverages();
  }

  ApiRequestCounts requests() {
    return apiAfter.requests().minus(apiBefore.requests());
  }

  /** Requests from everyone but the harness: the operator, plus kube-controller-manager's few. */
  double requestsByOthers() {
    return requests().total() - (apiAfter.harnessRequests() - apiBefore.harnessRequests());
  }

  double harnessRequests() {
    return apiAfter.harnessRequests() - apiBefore.harnessRequests();
  }

  OperatorCounters operator() {
    return operatorAfter.minus(operatorBefore);
  }

  /** Returns the CPU time that each component used in this window. */
  Map<String, Duration> cpu() {
    return ProcessCpu.between(cpuBefore, cpuAfter);
  }

  /** Returns the operator's CPU time in this window in milliseconds, or NaN when no operator ran throughout. */
  double operatorCpuMillis() {
    Duration used = cpu().get(ProcessCpu.OPERATOR);
    return used == null ? Double.NaN : used.toNanos() / 1e6;
  }

  double seconds() {
    return (apiAfter.nanoTime() - openedNanos) / 1e9;
  }

  /** Writes the load, API request, CPU and reconcile lines that every scenario reports. */
  void report(ResultLog log, int certificates) {
    log.line("- load averages (1, 5, 15 min) before: %s; after: %s", loadBefore, loadAfter);
    reportRequests(log, certificates);
    reportCpu(log, certificates);

    OperatorCounters operator = operator();
    log.line("- operator: %.0f reconciles started, %.0f failed, mean reconcile %.1f ms (JOSDK timer), "
        + "%.0f issuances, %.0f Warning events", operator.reconcilesStarted(), operator.reconcilesFailed(),
        operator.meanReconcileMillis(), operator.issuances(), operator.failureEvents());
  }

  private void reportRequests(ResultLog log, int certificates) {
    ApiRequestCounts requests = requests();
    log.line("- API requests in %.0f s: %.0f in all, %.0f by the harness, %.0f by the operator and "
        + "kube-controller-manager%s", seconds(), requests.total(), harnessRequests(), requestsByOthers(),
        certificates == 0 ? "" : String.format(" (%.2f per certificate)", requestsByOthers() / certificates));
    log.line("- peak API request rate, all clients: %.0f requests/s (averaged over %.1f s samples%s)",
        sampler.peakRequestsPerSecond(), context.options().sampleSeconds(),
        sampler.failedSamples() == 0 ? "" : ", " + sampler.failedSamples() + " samples failed");
    log.line("- responses 409 Conflict: %.0f; 429 Too Many Requests: %.0f", requests.withCode("409"),
        requests.withCode("429"));

    StringBuilder byVerb = new StringBuilder();
    for (Map.Entry<String, Double> entry : requests.byVerbAndResource().entrySet()) {
      if (entry.getValue() < Math.max(2, certificates / 20.0)) {
        continue;
      }
      byVerb.append(byVerb.length() == 0 ? "" : ", ");
      byVerb.append(certificates == 0 ? String.format("%s %.0f", entry.getKey(), entry.getValue())
          : String.format("%s %.0f (%.2f/cert)", entry.getKey(), entry.getValue(), entry.getValue() / certificates));
    }
    log.line("- requests by verb and resource (all clients, the larger series): %s", byVerb);
  }

  private void reportCpu(ResultLog log, int certificates) {
    StringBuilder perProcess = new StringBuilder();
    cpu().forEach((name, used) -> perProcess.append(perProcess.length() == 0 ? "" : ", ")
        .append(String.format("%s %.1f s", name, used.toMillis() / 1000.0)));
    String perCertificate = certificates == 0 || Double.isNaN(operatorCpuMillis()) ? ""
        : String.format("; operator %.1f ms per certificate", operatorCpuMillis() / certificates);
    log.line("- CPU time in %.1f s on %d CPUs: %s%s", seconds(), Runtime.getRuntime().availableProcessors(),
        perProcess, perCertificate);
  }
}
