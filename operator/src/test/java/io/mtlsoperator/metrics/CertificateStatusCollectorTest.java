package io.mtlsoperator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.api.v1alpha1.CertificateAuthorityStatus;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.api.v1alpha1.MtlsCertificateSpec;
import io.mtlsoperator.api.v1alpha1.MtlsCertificateStatus;
import io.mtlsoperator.api.v1alpha1.IssuerReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import io.mtlsoperator.testing.PrometheusScrape;
import org.junit.jupiter.api.Test;

/** The per-resource gauges, computed from hand-made resources, as a scrape renders them. */
class CertificateStatusCollectorTest {

  private static final String NOT_AFTER = "2027-03-04T20:10:03Z";
  private static final String RENEWAL = "2027-01-02T12:40:11Z";

  private final List<MtlsCertificate> certificates = new ArrayList<>();
  private final List<CertificateAuthority> authorities = new ArrayList<>();
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  CertificateStatusCollectorTest() {
    registry.getPrometheusRegistry().register(new CertificateStatusCollector(() -> certificates, () -> authorities));
  }

  @AfterEach
  void closeRegistry() {
    registry.close();
  }

  @Test
  void readyCertificateHasTimesAndTrueStatus() {
    certificates.add(certificate("gateway", "True", NOT_AFTER, RENEWAL));

    PrometheusScrape scrape = PrometheusScrape.parse(registry.scrape());

    Map<String, String> labels = Map.of("name", "gateway", "namespace", "payments", "issuer_name", "root",
        "issuer_kind", "CertificateAuthority", "issuer_group", "pki.mtls-operator.io");
    assertThat(scrape.value(CertificateStatusCollector.CERTIFICATE_EXPIRATION, labels))
        .hasValue(Instant.parse(NOT_AFTER).getEpochSecond());
    assertThat(scrape.value(CertificateStatusCollector.CERTIFICATE_RENEWAL, labels))
        .hasValue(Instant.parse(RENEWAL).getEpochSecond());
    assertThat(readyStatus(scrape, "gateway", "True")).isEqualTo(1);
    assertThat(readyStatus(scrape, "gateway", "False")).isZero();
    assertThat(readyStatus(scrape, "gateway", "Unknown")).isZero();
  }

  @Test
  void certificateWithoutStatusIsUnknown() {
    MtlsCertificate fresh = certificate("fresh", null, null, null);
    fresh.setStatus(null);
    certificates.add(fresh);

    PrometheusScrape scrape = PrometheusScrape.parse(registry.scrape());

    assertThat(readyStatus(scrape, "fresh", "Unknown")).isEqualTo(1);
    assertThat(readyStatus(scrape, "fresh", "True")).isZero();
    assertThat(scrape.find(CertificateStatusCollector.CERTIFICATE_EXPIRATION, Map.of("name", "fresh"))).isEmpty();
  }

  @Test
  void malformedTimeYieldsNoSample() {
    certificates.add(certificate("garbled", "False", "next tuesday", RENEWAL));

    PrometheusScrape scrape = PrometheusScrape.parse(registry.scrape());

    assertThat(scrape.find(CertificateStatusCollector.CERTIFICATE_EXPIRATION, Map.of("name", "garbled"))).isEmpty();
    assertThat(scrape.find(CertificateStatusCollector.CERTIFICATE_RENEWAL, Map.of("name", "garbled"))).hasSize(1);
    assertThat(readyStatus(scrape, "garbled", "False")).isEqualTo(1);
  }

  @Test
  void removedCertificateLeavesNoSeries() {
    certificates.add(certificate("gone", "True", NOT_AFTER, RENEWAL));
    assertThat(PrometheusScrape.parse(registry.scrape()).find(CertificateStatusCollector.CERTIFICATE_READY,
        Map.of("name", "gone"))).hasSize(3);

    certificates.clear();

    assertThat(PrometheusScrape.parse(registry.scrape()).find(CertificateStatusCollector.CERTIFICATE_READY,
        Map.of("name", "gone"))).isEmpty();
  }

  @Test
  void importedAuthorityHasNoRenewalTime() {
    CertificateAuthority imported = new CertificateAuthority();
    imported.setMetadata(new ObjectMetaBuilder().withNamespace("pki").withName("corporate").build());
    CertificateAuthorityStatus status = new CertificateAuthorityStatus();
    status.setNotAfter(NOT_AFTER);
    status.setConditions(List.of(new ConditionBuilder().withType("Ready").withStatus("True").build()));
    imported.setStatus(status);
    authorities.add(imported);

    PrometheusScrape scrape = PrometheusScrape.parse(registry.scrape());

    Map<String, String> labels = Map.of("name", "corporate", "namespace", "pki");
    assertThat(scrape.value(CertificateStatusCollector.AUTHORITY_EXPIRATION, labels))
        .hasValue(Instant.parse(NOT_AFTER).getEpochSecond());
    assertThat(scrape.find(CertificateStatusCollector.AUTHORITY_RENEWAL, labels)).isEmpty();
    assertThat(scrape.value(CertificateStatusCollector.AUTHORITY_READY, Map.of("name", "corporate",
        "condition", "True"))).hasValue(1);
  }

  private static double readyStatus(PrometheusScrape scrape, String name, String condition) {
    return scrape.value(CertificateStatusCollector.CERTIFICATE_READY, Map.of("name", name, "condition", condition))
        .orElseThrow();
  }

  private static MtlsCertificate certificate(String name, String ready, String notAfter, String renewalTime) {
    MtlsCertificate certificate = new MtlsCertificate();
    certificate.setMetadata(new ObjectMetaBuilder().withNamespace("payments").withName(name).build());
    MtlsCertificateSpec spec = new MtlsCertificateSpec();
    spec.setIssuerRef(new IssuerReference("root", null));
    certificate.setSpec(spec);
    MtlsCertificateStatus status = new MtlsCertificateStatus();
    status.setNotAfter(notAfter);
    status.setRenewalTime(renewalTime);
    if (ready != null) {
      status.setConditions(List.of(new ConditionBuilder().withType("Ready").withStatus(ready).build()));
    }
    certificate.setStatus(status);
    return certificate;
  }
}
