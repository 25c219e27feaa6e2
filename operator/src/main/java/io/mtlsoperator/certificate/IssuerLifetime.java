package io.mtlsoperator.certificate;

import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.authority.ResolvedIssuer;
import io.mtlsoperator.kube.GoDuration;
import io.mtlsoperator.lifecycle.ReconcileProblem;
import io.mtlsoperator.lifecycle.StatusTimes;
import io.mtlsoperator.pki.CertificateInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks, before a leaf is issued, that its issuer can still give it a useful lifetime. A leaf
 * never outlives its issuer (the PKI package caps notAfter), so an issuer close to its end would
 * hand out certificates that are due again almost at once.
 */
final class IssuerLifetime {

  static final String ISSUER_EXPIRED = "IssuerExpired";
  static final String ISSUER_EXPIRING = "IssuerExpiring";

  /** A leaf must get at least this share of its requested duration, or the issuer is renewed first. */
  private static final int MINIMUM_SHARE_DIVISOR = 3;

  /** Requests an authority's renewal; the value names the request, so a repeated value is one request. */
  @FunctionalInterface
  interface RenewalRequester {
    void request(CertificateAuthority authority, String value);
  }

  private final RenewalRequester renewalRequester;
  private final Clock clock;

  IssuerLifetime(RenewalRequester renewalRequester, Clock clock) {
    this.renewalRequester = renewalRequester;
    this.clock = clock;
  }

  /**
   * Throws a ReconcileProblem when the issuer has expired, or when it expires before a third of
   * {@code spec.duration} has passed. An issuer the operator manages is asked to renew first, and
   * the leaf waits for it. An imported issuer, or one whose own duration is too short to help, is
   * reported with the fix.
   */
  void check(MtlsCertificate certificate, LeafSpec spec, ResolvedIssuer issuer) {
    Instant now = clock.instant();
    CertificateInfo ca = CertificateInfo.of(issuer.material().certificate());
    if (!now.isBefore(ca.notAfter())) {
      throw new ReconcileProblem(ISSUER_EXPIRED, "CertificateAuthority " + issuer.reference() + " expired at "
          + StatusTimes.format(ca.notAfter()) + "; nothing is issued until it is renewed");
    }

    Duration requested = spec.request().duration();
    Duration available = Duration.between(now, ca.notAfter());
    if (available.compareTo(requested.dividedBy(MINIMUM_SHARE_DIVISOR)) >= 0) {
      return;
    }

    CertificateAuthority authority = issuer.authority();
    String caEnd = StatusTimes.format(ca.notAfter());
    if (authority.getSpec().getImportSource() != null) {
      throw new ReconcileProblem(ISSUER_EXPIRING, "Imported CertificateAuthority " + issuer.reference()
          + " expires at " + caEnd + ", before a third of spec.duration " + certificate.getSpec().getDuration()
          + " could pass: put a renewed CA into Secret " + authority.getSpec().getImportSource().getSecretName()
          + " or shorten spec.duration");
    }
    Duration caDuration = GoDuration.parse("spec.duration", authority.getSpec().getDuration());
    if (caDuration.compareTo(requested.dividedBy(MINIMUM_SHARE_DIVISOR)) < 0) {
      throw new ReconcileProblem(ISSUER_EXPIRING, "CertificateAuthority " + issuer.reference()
          + " lives " + authority.getSpec().getDuration() + ", less than a third of spec.duration "
          + certificate.getSpec().getDuration() + ": shorten spec.duration or lengthen the authority's");
    }

    renewalRequester.request(authority, "issuer-expiring-" + ca.serialNumberHex());
    throw ReconcileProblem.waiting(ISSUER_EXPIRING, "Waiting for CertificateAuthority " + issuer.reference()
        + " to renew: it expires at " + caEnd + ", before a third of spec.duration "
        + certificate.getSpec().getDuration() + " could pass");
  }
}
