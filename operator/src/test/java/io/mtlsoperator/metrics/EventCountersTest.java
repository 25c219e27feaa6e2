package io.mtlsoperator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.kube.EventRecorder;
import org.junit.jupiter.api.Test;

/** Which recorded Events count as issuances and which as failures. */
class EventCountersTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final EventCounters counters = new EventCounters(registry);

  @Test
  void issuedRenewedAndImportedCountAsIssuances() {
    counters.recorded(certificate(), EventRecorder.NORMAL, "Issued");
    counters.recorded(certificate(), EventRecorder.NORMAL, "Renewed");
    counters.recorded(certificate(), EventRecorder.NORMAL, "Renewed");
    counters.recorded(certificate(), EventRecorder.NORMAL, "Imported");

    assertThat(count(EventCounters.ISSUANCES, "Issued")).isEqualTo(1);
    assertThat(count(EventCounters.ISSUANCES, "Renewed")).isEqualTo(2);
    assertThat(count(EventCounters.ISSUANCES, "Imported")).isEqualTo(1);
    assertThat(registry.find(EventCounters.FAILURES).counters()).isEmpty();
  }

  @Test
  void warningCountsAsFailure() {
    counters.recorded(certificate(), EventRecorder.WARNING, "IssuerNotFound");

    assertThat(count(EventCounters.FAILURES, "IssuerNotFound")).isEqualTo(1);
    assertThat(registry.find(EventCounters.ISSUANCES).counters()).isEmpty();
  }

  @Test
  void waitingEventCountsAsNeither() {
    counters.recorded(certificate(), EventRecorder.NORMAL, "IssuerNotReady");

    assertThat(registry.getMeters()).isEmpty();
  }

  @Test
  void countersCarryKindAndNamespace() {
    counters.recorded(certificate(), EventRecorder.NORMAL, "Issued");

    var counter = registry.get(EventCounters.ISSUANCES).counter();
    assertThat(counter.getId().getTag("kind")).isEqualTo("MtlsCertificate");
    assertThat(counter.getId().getTag("namespace")).isEqualTo("payments");
  }

  private double count(String name, String reason) {
    return registry.get(name).tag("reason", reason).counter().count();
  }

  private static MtlsCertificate certificate() {
    MtlsCertificate certificate = new MtlsCertificate();
    certificate.setMetadata(new ObjectMetaBuilder().withNamespace("payments").withName("gateway").build());
    return certificate;
  }
}
