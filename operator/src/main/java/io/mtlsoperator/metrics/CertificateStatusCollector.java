package io.mtlsoperator.metrics;

import io.mtlsoperator.api.v1alpha1.ApiGroup;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.api.v1alpha1.IssuedStatus;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.kube.Conditions;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * Per-resource gauges computed at scrape time from the status of the cached resources, so a
 * deleted resource disappears from the next scrape and no reconciler has to update a gauge. The
 * certificate gauges have cert-manager's suffixes and labels with the prefix mtls_operator_.
 */
public final class CertificateStatusCollector implements MultiCollector {

  public static final String CERTIFICATE_EXPIRATION = "mtls_operator_certificate_expiration_timestamp_seconds";
  public static final String CERTIFICATE_RENEWAL = "mtls_operator_certificate_renewal_timestamp_seconds";
  public static final String CERTIFICATE_READY = "mtls_operator_certificate_ready_status";
  public static final String AUTHORITY_EXPIRATION =
      "mtls_operator_certificateauthority_expiration_timestamp_seconds";
  public static final String AUTHORITY_RENEWAL = "mtls_operator_certificateauthority_renewal_timestamp_seconds";
  public static final String AUTHORITY_READY = "mtls_operator_certificateauthority_ready_status";

  /** The values of the condition label; exactly one of them is 1 for each resource. */
  private static final List<String> CONDITION_STATUSES = List.of("True", "False", "Unknown");

  private final Supplier<? extends Collection<MtlsCertificate>> certificates;
  private final Supplier<? extends Collection<CertificateAuthority>> authorities;

  public CertificateStatusCollector(Supplier<? extends Collection<MtlsCertificate>> certificates,
      Supplier<? extends Collection<CertificateAuthority>> authorities) {
    this.certificates = certificates;
    this.authorities = authorities;
  }

  @Override
  public MetricSnapshots collect() {
    var certificateExpiration = new GaugeFamily(CERTIFICATE_EXPIRATION,
        "The time after which the certificate expires, in seconds since the Unix epoch");
    var certificateRenewal = new GaugeFamily(CERTIFICATE_RENEWAL,
        "The time at which the operator renews the certificate, in seconds since the Unix epoch");
    var certificateReady = new GaugeFamily(CERTIFICATE_READY,
        "1 for the status of the certificate's Ready condition (True, False or Unknown), 0 for the others");
    for (MtlsCertificate certificate : certificates.get()) {
      Labels labels = certificateLabels(certificate);
      addStatus(certificate.getStatus(), labels, certificateExpiration, certificateRenewal, certificateReady);
    }

    var authorityExpiration = new GaugeFamily(AUTHORITY_EXPIRATION,
        "The time after which the CA certificate expires, in seconds since the Unix epoch");
    var authorityRenewal = new GaugeFamily(AUTHORITY_RENEWAL,
        "The time at which the operator renews the CA certificate, in seconds since the Unix epoch; "
            + "absent for imported authorities");
    var authorityReady = new GaugeFamily(AUTHORITY_READY,
        "1 for the status of the authority's Ready condition (True, False or Unknown), 0 for the others");
    for (CertificateAuthority authority : authorities.get()) {
      Labels labels = Labels.of("name", authority.getMetadata().getName(),
          "namespace", authority.getMetadata().getNamespace());
      addStatus(authority.getStatus(), labels, authorityExpiration, authorityRenewal, authorityReady);
    }

    return MetricSnapshots.of(certificateExpiration.build(), certificateRenewal.build(), certificateReady.build(),
        authorityExpiration.build(), authorityRenewal.build(), authorityReady.build());
  }

  private static Labels certificateLabels(MtlsCertificate certificate) {
    String issuerName = certificate.getSpec() == null || certificate.getSpec().getIssuerRef() == null ? ""
        : certificate.getSpec().getIssuerRef().getName();
    return Labels.of(
        "name", certificate.getMetadata().getName(),
        "namespace", certificate.getMetadata().getNamespace(),
        "issuer_name", issuerName,
        "issuer_kind", "CertificateAuthority",
        "issuer_group", ApiGroup.GROUP);
  }

  private static void addStatus(IssuedStatus status, Labels labels, GaugeFamily expiration, GaugeFamily renewal,
      GaugeFamily ready) {
    if (status != null) {
      epochSeconds(status.getNotAfter()).ifPresent(seconds -> expiration.add(labels, seconds));
      epochSeconds(status.getRenewalTime()).ifPresent(seconds -> renewal.add(labels, seconds));
    }
    String readyStatus = Optional.ofNullable(status)
        .flatMap(s -> Conditions.find(s.getConditions(), Conditions.READY))
        .map(condition -> condition.getStatus())
        .filter(CONDITION_STATUSES::contains)
        .orElse("Unknown");
    for (String condition : CONDITION_STATUSES) {
      ready.add(labels.add("condition", condition), condition.equals(readyStatus) ? 1 : 0);
    }
  }

  /** Parses an RFC 3339 status time; a missing or malformed one yields no sample rather than a wrong one. */
  private static OptionalDouble epochSeconds(String time) {
    if (time == null) {
      return OptionalDouble.empty();
    }
    try {
      return OptionalDouble.of(OffsetDateTime.parse(time).toEpochSecond());
    } catch (DateTimeParseException e) {
      return OptionalDouble.empty();
    }
  }
}
