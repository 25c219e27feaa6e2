package io.mtlsoperator.bench.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pairs the time each request was sent with the time the watch saw its resource meet the
 * condition, and derives latencies and throughput from them.
 */
record CreateToCondition(Map<String, Long> sentAt, Map<String, Long> metAt) {

  Latencies latencies() {
    List<Double> millis = new ArrayList<>();
    sentAt.forEach((name, sent) -> {
      Long met = metAt.get(name);
      if (met != null) {
        millis.add((met - sent) / 1e6);
      }
    });
    return new Latencies(millis);
  }

  /** Seconds from the first request sent to the last resource that met the condition. */
  double spanSeconds() {
    long first = sentAt.values().stream().mapToLong(Long::longValue).min().orElse(0);
    long last = metAt.values().stream().mapToLong(Long::longValue).max().orElse(first);
    return (last - first) / 1e9;
  }

  /** Seconds from the first to the last request sent. */
  double sendingSeconds() {
    long first = sentAt.values().stream().mapToLong(Long::longValue).min().orElse(0);
    long last = sentAt.values().stream().mapToLong(Long::longValue).max().orElse(first);
    return (last - first) / 1e9;
  }

  int met() {
    return (int) sentAt.keySet().stream().filter(metAt::containsKey).count();
  }
}
