package io.mtlsoperator.bench.cluster;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Creates N MtlsCertificates at once, all from one CA with the same key algorithm, and measures
 * the time from each create call to the watch event that shows it Ready.
 */
final class IssuanceScenario implements Scenario {

  private final KeyChoice key;
  private final int count;

  IssuanceScenario(KeyChoice key, int count) {
    this.key = key;
    this.count = count;
  }

  @Override
  public String name() {
    return "issuance:" + key.label() + ":" + count;
  }

  @Override
  public void run(BenchContext context) throws Exception {
    String namespace = "bench-issuance-" + key.label() + "-" + count;
    PkiResources resources = context.resources();
    context.operator();
    context.ensureAuthority(namespace, key);
    List<String> names = IntStream.rangeClosed(1, count).mapToObj(i -> String.format("cert-%05d", i)).toList();
    System.out.printf("==> %s: creating %d certificates with %d parallel requests in %s%n", name(), count,
        context.options().concurrency(), namespace);

    CreateToCondition result;
    ConcurrentRequests.Outcome created;
    MeasurementWindow window = MeasurementWindow.open(context);
    try (ConditionWatch ready = new ConditionWatch(resources, namespace, PkiResources::isReady)) {
      created = ConcurrentRequests.run(names, context.options().concurrency(),
          name -> resources.certificates().inNamespace(namespace)
              .resource(resources.certificate(namespace, name, key)).create());
      ready.awaitCount(created.sentAt().size(), context.timeout(), name() + " Ready");
      result = new CreateToCondition(created.sentAt(), ready.metAt());
    } finally {
      window.close();
    }

    ResultLog log = context.log();
    log.heading("Issuance: " + count + " certificates, " + key.description);
    double span = result.spanSeconds();
    log.line("- Ready: %d of %d (%d create calls failed); creates sent in %.1f s", result.met(), count,
        created.failures(), result.sendingSeconds());
    log.line("- first create to last Ready: %.1f s, so %.1f certificates Ready per second", span,
        result.met() / span);
    log.line("- create to Ready: %s", result.latencies());
    window.report(log, count);
    double wallMillisPerCertificate = span * 1000 / Math.max(1, result.met());
    double cores = Runtime.getRuntime().availableProcessors();
    context.cryptoFloor().millis(key).ifPresentOrElse(floor -> {
      // Reconciles run in parallel and wait for the CPU and the API server, so the mean reconcile
      // time is not CPU time. The CPU share compares the crypto work with all CPU time of the span.
      log.line("- crypto floor (key generation + leaf signing, JMH, one thread): %.2f ms; wall time per "
          + "certificate %.1f ms = %.1f x floor; mean reconcile %.1f ms = %.0f x floor", floor,
          wallMillisPerCertificate, wallMillisPerCertificate / floor, window.operator().meanReconcileMillis(),
          window.operator().meanReconcileMillis() / floor);
      log.line("- crypto share: %d issuances x %.2f ms = %.2f s, against %.1f s of operator CPU (%.0f %%) and "
          + "%.0f CPU seconds of the machine from first create to last Ready (%.0f %%)", result.met(), floor,
          result.met() * floor / 1000, window.operatorCpuMillis() / 1000,
          100 * result.met() * floor / window.operatorCpuMillis(), cores * span,
          100 * result.met() * floor / 1000 / (cores * span));
    }, () -> log.line("- crypto floor: not measured (no PKI-cost results); wall time per certificate %.1f ms",
        wallMillisPerCertificate));
    Scenario.requireAll(name(), result.met(), count, "Ready");
  }
}
