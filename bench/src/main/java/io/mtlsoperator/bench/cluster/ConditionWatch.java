package io.mtlsoperator.bench.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Watches the MtlsCertificates of one namespace and records, per name, the System.nanoTime() at
 * which the harness first received a version that meets a condition, such as Ready=True. Start it
 * before the resources are created or changed, so that no event is missed.
 */
final class ConditionWatch implements AutoCloseable {

  private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

  private final Map<String, Long> metAt = new ConcurrentHashMap<>();
  private final Predicate<GenericKubernetesResource> condition;
  private final Watch watch;

  ConditionWatch(PkiResources resources, String namespace, Predicate<GenericKubernetesResource> condition) {
    this.condition = condition;
    this.watch = resources.certificates().inNamespace(namespace).watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, GenericKubernetesResource resource) {
        long now = System.nanoTime();
        if ((action == Action.ADDED || action == Action.MODIFIED) && ConditionWatch.this.condition.test(resource)) {
          metAt.putIfAbsent(resource.getMetadata().getName(), now);
        }
      }

      @Override
      public void onClose(WatcherException cause) {
        // Fabric8 reconnects on its own; a close with a cause ends the watch, and awaitCount then times out.
        if (cause != null) {
          System.out.println("  watch closed: " + cause.getMessage());
        }
      }
    });
  }

  /** Returns the time each name first met the condition. */
  Map<String, Long> metAt() {
    return Map.copyOf(metAt);
  }

  /**
   * Waits until {@code expected} resources met the condition, printing progress every 10 s.
   * Returns false on timeout.
   */
  boolean awaitCount(int expected, Duration timeout, String label) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long nextProgress = start + PROGRESS_INTERVAL.toNanos();
    while (metAt.size() < expected) {
      long now = System.nanoTime();
      if (now > deadline) {
        System.out.printf("  %s: timed out after %d s with %d of %d%n", label, timeout.toSeconds(), metAt.size(),
            expected);
        return false;
      }
      if (now > nextProgress) {
        System.out.printf("  %s: %d of %d (%d s)%n", label, metAt.size(), expected, (now - start) / 1_000_000_000L);
        nextProgress = now + PROGRESS_INTERVAL.toNanos();
      }
      Thread.sleep(20);
    }
    return true;
  }

  @Override
  public void close() {
    watch.close();
  }
}
