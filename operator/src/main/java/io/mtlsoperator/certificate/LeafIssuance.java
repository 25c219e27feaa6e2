package io.mtlsoperator.certificate;

import io.fabric8.kubernetes.api.model.Secret;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.authority.ResolvedIssuer;
import io.mtlsoperator.kube.SecretData;
import io.mtlsoperator.kube.SecretMetadata;
import io.mtlsoperator.lifecycle.IssueReason;
import io.mtlsoperator.lifecycle.KeySource;
import io.mtlsoperator.lifecycle.ReconcileProblem;
import io.mtlsoperator.lifecycle.RenewalRequest;
import io.mtlsoperator.lifecycle.Signatures;
import io.mtlsoperator.pki.CertificateInfo;
import io.mtlsoperator.pki.CertificateIssuer;
import io.mtlsoperator.pki.KeyMatch;
import io.mtlsoperator.pki.Pem;
import io.mtlsoperator.pki.PkiException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Decides whether a leaf certificate must be (re-)issued, and issues it. */
final class LeafIssuance {

  static final String ISSUE_FAILED = "IssueFailed";

  /** The leaf and key the Secret should hold, and why they were just issued, if they were. */
  record Result(X509Certificate leaf, PrivateKey key, Optional<IssueReason> issueReason) {
  }

  private record Current(X509Certificate leaf, PrivateKey key) {
  }

  private final CertificateIssuer issuer;
  private final KeySource keySource;
  private final IssuerLifetime issuerLifetime;
  private final Clock clock;

  LeafIssuance(CertificateIssuer issuer, KeySource keySource, IssuerLifetime issuerLifetime, Clock clock) {
    this.issuer = issuer;
    this.keySource = keySource;
    this.issuerLifetime = issuerLifetime;
    this.clock = clock;
  }

  Result ensure(MtlsCertificate certificate, LeafSpec spec, Secret currentSecret, ResolvedIssuer resolvedIssuer) {
    Optional<Current> current = readQuietly(currentSecret);
    Optional<IssueReason> reason = issueReason(certificate, currentSecret, current, spec, resolvedIssuer);
    if (reason.isEmpty()) {
      return new Result(current.get().leaf(), current.get().key(), Optional.empty());
    }

    issuerLifetime.check(certificate, spec, resolvedIssuer);

    Optional<Current> reusable = current.filter(c -> reason.get() != IssueReason.KeyMismatch);
    KeyPair keyPair = keySource.keyFor(certificate.getSpec().getPrivateKey(), spec.keySpec(),
        reusable.map(Current::leaf), reusable.map(Current::key));
    try {
      X509Certificate leaf = issuer.leaf(spec.request(), keyPair.getPublic(), resolvedIssuer.material());
      return new Result(leaf, keyPair.getPrivate(), reason);
    } catch (PkiException e) {
      // The PKI package names the rule that failed, e.g. a DNS name outside the issuer's name constraints.
      throw new ReconcileProblem(ISSUE_FAILED, "Cannot issue from CertificateAuthority " + resolvedIssuer.reference()
          + ": " + e.getMessage(), e);
    }
  }

  private Optional<IssueReason> issueReason(MtlsCertificate certificate, Secret secret, Optional<Current> current, LeafSpec spec,
      ResolvedIssuer resolvedIssuer) {
    if (secret == null) {
      return Optional.of(IssueReason.DoesNotExist);
    }
    if (current.isEmpty()) {
      return Optional.of(IssueReason.InvalidSecretData);
    }
    X509Certificate leaf = current.get().leaf();
    if (!KeyMatch.matches(leaf.getPublicKey(), current.get().key())) {
      return Optional.of(IssueReason.KeyMismatch);
    }
    String recordedDigest = secret.getMetadata().getAnnotations() == null ? null
        : secret.getMetadata().getAnnotations().get(SecretMetadata.SPEC_DIGEST_ANNOTATION);
    if (!spec.digest().equals(recordedDigest)) {
      return Optional.of(IssueReason.SpecChanged);
    }
    if (!spec.matches(CertificateInfo.of(leaf))) {
      return Optional.of(IssueReason.CertificateMismatch);
    }
    if (!Signatures.isSignedBy(leaf, resolvedIssuer.material().certificate())) {
      return Optional.of(IssueReason.IssuerChanged);
    }
    Instant now = clock.instant();
    if (!now.isBefore(leaf.getNotAfter().toInstant())) {
      return Optional.of(IssueReason.Expired);
    }
    if (RenewalRequest.isOutstanding(certificate, secret)) {
      return Optional.of(IssueReason.RenewalRequested);
    }
    Instant renewalTime = spec.renewal().renewalTime(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant(),
        leaf.getSerialNumber().longValue());
    if (!now.isBefore(renewalTime)) {
      return Optional.of(IssueReason.RenewalDue);
    }
    return Optional.empty();
  }

  private static Optional<Current> readQuietly(Secret secret) {
    try {
      Optional<String> chain = SecretData.text(secret, LeafSecret.TLS_CRT);
      Optional<String> key = SecretData.text(secret, LeafSecret.TLS_KEY);
      if (chain.isEmpty() || key.isEmpty()) {
        return Optional.empty();
      }
      List<X509Certificate> certificates = Pem.parseCertificates(chain.get());
      return Optional.of(new Current(certificates.get(0), Pem.parsePrivateKey(key.get())));
    } catch (PkiException | IllegalArgumentException | IndexOutOfBoundsException e) {
      // A new issue repairs unreadable content, with the reason InvalidSecretData.
      return Optional.empty();
    }
  }
}
