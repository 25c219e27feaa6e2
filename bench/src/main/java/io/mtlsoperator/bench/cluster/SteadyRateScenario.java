package io.mtlsoperator.bench.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates ECDSA P-256 certificates at a fixed rate for a fixed time, as a cluster with steady
 * churn would, and measures create to Ready. Each create is sent from a pool, so one slow call
 * does not delay the next tick.
 */
final class SteadyRateScenario implements Scenario {

  private final int perSecond;
  private final int seconds;

  SteadyRateScenario(int perSecond, int seconds) {
    if (perSecond == 0 || seconds == 0) {
      throw new IllegalArgumentException("steady:RATE:SECONDS needs a rate and a duration of at least 1");
    }
    this.perSecond = perSecond;
    this.seconds = seconds;
  }

  @Override
  public String name() {
    return "steady:" + perSecond + ":" + seconds;
  }

  @Override
  public void run(BenchContext context) throws Exception {
    String namespace = "bench-steady-" + perSecond + "-per-second";
    PkiResources resources = context.resources();
    context.operator();
    context.ensureAuthority(namespace, KeyChoice.ECDSA);
    int total = perSecond * seconds;
    System.out.printf("==> %s: creating %d certificates per second for %d s in %s%n", name(), perSecond, seconds,
        namespace);

    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger next = new AtomicInteger(1);
    CreateToCondition result;
    MeasurementWindow window = MeasurementWindow.open(context);
    try (ConditionWatch ready = new ConditionWatch(resources, namespace, PkiResources::isReady)) {
      ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
      ExecutorService senders = Executors.newFixedThreadPool(context.options().concurrency());
      ticker.scheduleAtFixedRate(() -> {
        int index = next.getAndIncrement();
        if (index > total) {
          return;
        }
        String name = String.format("cert-%05d", index);
        senders.execute(() -> {
          long sent = System.nanoTime();
          try {
            resources.certificates().inNamespace(namespace)
                .resource(resources.certificate(namespace, name, KeyChoice.ECDSA)).create();
            sentAt.put(name, sent);
          } catch (RuntimeException e) {
            failures.incrementAndGet();
          }
        });
      }, 0, 1_000_000_000L / perSecond, TimeUnit.NANOSECONDS);
      while (next.get() <= total) {
        Thread.sleep(50);
      }
      ticker.shutdownNow();
      senders.shutdown();
      senders.awaitTermination(5, TimeUnit.MINUTES);
      ready.awaitCount(sentAt.size(), context.timeout(), name() + " Ready");
      result = new CreateToCondition(Map.copyOf(sentAt), ready.metAt());
    } finally {
      window.close();
    }

    ResultLog log = context.log();
    log.heading("Steady rate: " + perSecond + " creates per second for " + seconds + " s, "
        + KeyChoice.ECDSA.description);
    log.line("- Ready: %d of %d (%d create calls failed); creates sent over %.1f s (%.1f per second achieved)",
        result.met(), total, failures.get(), result.sendingSeconds(),
        result.sentAt().size() / Math.max(1e-9, result.sendingSeconds()));
    log.line("- create to Ready: %s", result.latencies());
    window.report(log, total);
    Scenario.requireAll(name(), result.met(), total, "Ready");
  }
}
