package io.mtlsoperator.bench.cluster;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the API server's request counters at a fixed interval during a scenario and keeps the
 * highest rate between two samples. The rate is an average over one interval, so a burst shorter
 * than the interval shows lower than it was.
 */
final class RequestRateSampler implements AutoCloseable {

  private final ApiServerMetrics metrics;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "request-rate-sampler");
    thread.setDaemon(true);
    return thread;
  });
  private final double intervalSeconds;
  private ApiServerMetrics.Snapshot previous;
  private int samples;
  private double peakRequestsPerSecond;
  private int failedSamples;

  RequestRateSampler(ApiServerMetrics metrics, double intervalSeconds) {
    this.metrics = metrics;
    this.intervalSeconds = intervalSeconds;
    this.previous = metrics.snapshot();
    long intervalMillis = Math.round(intervalSeconds * 1000);
    scheduler.scheduleAtFixedRate(this::sample, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
  }

  private synchronized void sample() {
    try {
      ApiServerMetrics.Snapshot current = metrics.snapshot();
      double seconds = (current.nanoTime() - previous.nanoTime()) / 1e9;
      // The last sample may follow a scheduled one closely. A few requests over milliseconds would
      // show as a false peak, so it counts only when it is the first or covers half an interval.
      if (samples > 0 && seconds < intervalSeconds / 2) {
        return;
      }
      samples++;
      double requests = current.requests().minus(previous.requests()).total();
      peakRequestsPerSecond = Math.max(peakRequestsPerSecond, requests / seconds);
      previous = current;
    } catch (RuntimeException e) {
      // A slow scrape under load loses one sample; the count is reported with the peak.
      failedSamples++;
    }
  }

  synchronized double peakRequestsPerSecond() {
    return peakRequestsPerSecond;
  }

  synchronized int failedSamples() {
    return failedSamples;
  }

  /** Stops sampling after one last sample, so a scenario shorter than one interval still has a rate. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    sample();
  }
}
