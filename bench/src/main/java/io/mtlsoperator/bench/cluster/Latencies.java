package io.mtlsoperator.bench.cluster;

import java.util.Collection;

/** Percentiles of a set of durations, by the nearest-rank method. */
final class Latencies {

  private final double[] sortedMillis;

  Latencies(Collection<Double> millis) {
    this.sortedMillis = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }

  int count() {
    return sortedMillis.length;
  }

  /** Returns the {@code percent}-th percentile in milliseconds, or NaN for an empty set. */
  double percentile(double percent) {
    if (sortedMillis.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sortedMillis.length);
    return sortedMillis[Math.max(0, Math.min(sortedMillis.length - 1, rank - 1))];
  }

  double max() {
    return sortedMillis.length == 0 ? Double.NaN : sortedMillis[sortedMillis.length - 1];
  }

  @Override
  public String toString() {
    return String.format("p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms (n=%d)", percentile(50),
        percentile(95), percentile(99), max(), count());
  }
}
