package io.mtlsoperator.metrics;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mtlsoperator.kube.EventRecorder;
import io.mtlsoperator.kube.RecordedEventListener;
import java.util.Set;

/**
 * Counts issuances and failures from the Events that the reconcilers record. A Normal Event with
 * reason Issued, Renewed or Imported is one issuance, and every Warning Event is one failure.
 * Problems that only wait for something else, such as an issuer that is not ready yet, are
 * Normal Events and count as neither.
 */
public final class EventCounters implements RecordedEventListener {

  /** Exposed to Prometheus as mtls_operator_issuances_total. */
  public static final String ISSUANCES = "mtls.operator.issuances";
  /** Exposed to Prometheus as mtls_operator_failures_total. */
  public static final String FAILURES = "mtls.operator.failures";

  private static final Set<String> ISSUANCE_REASONS = Set.of("Issued", "Renewed", "Imported");

  private final MeterRegistry registry;

  public EventCounters(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void recorded(HasMetadata resource, String type, String reason) {
    if (EventRecorder.WARNING.equals(type)) {
      increment(FAILURES, "Warning Events recorded, by kind, namespace and reason", resource, reason);
    } else if (ISSUANCE_REASONS.contains(reason)) {
      increment(ISSUANCES, "Certificates issued, renewed or imported, by kind, namespace and reason", resource,
          reason);
    }
  }

  private void increment(String name, String description, HasMetadata resource, String reason) {
    Counter.builder(name)
        .description(description)
        .tag("kind", resource.getKind())
        .tag("namespace", String.valueOf(resource.getMetadata().getNamespace()))
        .tag("reason", reason)
        .register(registry)
        .increment();
  }
}
