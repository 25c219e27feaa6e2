package io.mtlsoperator.demo;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every CertificateAuthority and MtlsCertificate in a namespace until each reports Ready=True
 * for its current generation, logging each resource as it becomes Ready and a summary of the rest
 * at a fixed interval.
 */
final class ReadinessWait {

  private static final Logger log = LoggerFactory.getLogger(ReadinessWait.class);

  /** Time between two reads, which is also the resolution of the measured time to Ready. */
  static final Duration POLL_INTERVAL = Duration.ofMillis(250);
  private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

  private final KubernetesClient client;
  private final String namespace;
  private final List<ResourceKey> applied;
  private final Duration timeout;

  /** {@code applied} sets the order of the result, so that the summary reads like the manifests. */
  ReadinessWait(KubernetesClient client, String namespace, List<ResourceKey> applied, Duration timeout) {
    this.client = client;
    this.namespace = namespace;
    this.applied = applied.stream().filter(key -> PkiKinds.ALL.contains(key.kind())).toList();
    this.timeout = timeout;
  }

  /**
   * Waits from {@code startNanos} (a {@link System#nanoTime()} value) until all resources are Ready
   * or the timeout passes. The result carries the last state read either way.
   */
  ReadinessResult await(long startNanos) throws InterruptedException {
    long deadline = startNanos + timeout.toNanos();
    long nextProgress = startNanos + PROGRESS_INTERVAL.toNanos();
    Set<ResourceKey> reportedReady = new HashSet<>();
    while (true) {
      List<ObservedResource> current = readAll();
      long now = System.nanoTime();
      logNewlyReady(current, reportedReady, now - startNanos);

      List<ObservedResource> pending = current.stream().filter(r -> !r.isReady()).toList();
      // Too few resources means a list ran before the API server showed every applied object.
      if (pending.isEmpty() && current.size() >= applied.size()) {
        return new ReadinessResult(current, true, Duration.ofNanos(now - startNanos));
      }
      if (now >= deadline) {
        logTimeout(pending, current.size());
        return new ReadinessResult(current, false, Duration.ofNanos(now - startNanos));
      }
      if (now >= nextProgress) {
        log.info("Still waiting for {} of {} resources in {}: {}", pending.size(), current.size(), namespace,
            describe(pending));
        nextProgress += PROGRESS_INTERVAL.toNanos();
      }
      Thread.sleep(POLL_INTERVAL.toMillis());
    }
  }

  /**
   * Lists both kinds: the applied resources in apply order, then any others the namespace contains,
   * e.g. from an earlier run, authorities first.
   */
  List<ObservedResource> readAll() {
    List<ObservedResource> resources = new ArrayList<>();
    for (String kind : PkiKinds.ALL) {
      for (GenericKubernetesResource item : client.genericKubernetesResources(PkiKinds.API_VERSION, kind)
          .inNamespace(namespace).list().getItems()) {
        resources.add(new ObservedResource(item));
      }
    }
    resources.sort(Comparator.comparingInt(this::applyOrder));
    return resources;
  }

  private int applyOrder(ObservedResource resource) {
    int index = applied.indexOf(resource.key());
    return index >= 0 ? index : applied.size();
  }

  private void logNewlyReady(List<ObservedResource> current, Set<ResourceKey> reportedReady, long elapsedNanos) {
    for (ObservedResource resource : current) {
      if (resource.isReady() && reportedReady.add(resource.key())) {
        log.info("{} {} is Ready after {} (expires {})", resource.key().kind(), resource.qualifiedName(),
            Elapsed.format(Duration.ofNanos(elapsedNanos)), resource.notAfter());
      }
    }
  }

  private void logTimeout(List<ObservedResource> pending, int found) {
    log.error("Timed out after {} s waiting for Ready", timeout.toSeconds());
    if (found < applied.size()) {
      log.error("Found {} resources in namespace {}, expected at least the {} applied", found, namespace,
          applied.size());
    }
    for (ObservedResource resource : pending) {
      log.error("{} {} is not Ready: {}", resource.key().kind(), resource.qualifiedName(),
          resource.describeReadyCondition());
    }
  }

  /** Groups the names by state, e.g. "no Ready condition yet: root-ca, unrelated-ca". */
  private static String describe(List<ObservedResource> pending) {
    Map<String, List<String>> namesByState = pending.stream().collect(Collectors.groupingBy(
        ObservedResource::describeReadyCondition, LinkedHashMap::new,
        Collectors.mapping(r -> r.key().name(), Collectors.toList())));
    return namesByState.entrySet().stream()
        .map(entry -> entry.getKey() + ": " + String.join(", ", entry.getValue()))
        .collect(Collectors.joining("; "));
  }

  /** State read at the end of the wait. */
  record ReadinessResult(List<ObservedResource> resources, boolean allReady, Duration elapsed) {
  }
}
