package io.mtlsoperator.bench.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Sends one request per name from a fixed number of threads, as fast as the API server responds,
 * and records the System.nanoTime() at which each request was sent.
 */
final class ConcurrentRequests {

  /** When each request was sent, and how many failed. */
  record Outcome(Map<String, Long> sentAt, int failures) {
  }

  private ConcurrentRequests() {
  }

  static Outcome run(List<String> names, int concurrency, Consumer<String> request) throws InterruptedException {
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    AtomicInteger failures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      for (String name : names) {
        pool.execute(() -> {
          long sent = System.nanoTime();
          try {
            request.accept(name);
            sentAt.put(name, sent);
          } catch (RuntimeException e) {
            if (failures.incrementAndGet() <= 5) {
              System.out.println("  request for " + name + " failed: " + e.getMessage());
            }
          }
        });
      }
    } finally {
      pool.shutdown();
      if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
        pool.shutdownNow();
      }
    }
    return new Outcome(sentAt, failures.get());
  }
}
