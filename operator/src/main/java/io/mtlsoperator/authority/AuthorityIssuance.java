package io.mtlsoperator.authority;

import io.fabric8.kubernetes.api.model.Secret;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.api.v1alpha1.CertificateAuthoritySpec;
import io.mtlsoperator.kube.SecretMetadata;
import io.mtlsoperator.lifecycle.IssueReason;
import io.mtlsoperator.lifecycle.KeySource;
import io.mtlsoperator.lifecycle.ReconcileProblem;
import io.mtlsoperator.lifecycle.RenewalPolicy;
import io.mtlsoperator.lifecycle.Signatures;
import io.mtlsoperator.lifecycle.SpecDigest;
import io.mtlsoperator.lifecycle.SpecTranslation;
import io.mtlsoperator.pki.CaMaterial;
import io.mtlsoperator.pki.CaRequest;
import io.mtlsoperator.pki.CertificateIssuer;
import io.mtlsoperator.pki.KeyMatch;
import io.mtlsoperator.pki.KeySpec;
import io.mtlsoperator.pki.PkiException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps the certificate of a self-signed or intermediate authority current: decides and issues. */
public final class AuthorityIssuance {

  /** Material for the authority's Secret, and the reason if it was just issued. */
  public record Result(CaMaterial material, String specDigest, Optional<IssueReason> issueReason) {
  }

  private final CertificateIssuer issuer;
  private final KeySource keySource;
  private final Clock clock;

  public AuthorityIssuance(CertificateIssuer issuer, KeySource keySource, Clock clock) {
    this.issuer = issuer;
    this.keySource = keySource;
    this.clock = clock;
  }

  /**
   * Returns the current material when it is still good, or issues a new certificate. {@code parent}
   * is the signing authority of an intermediate, null for a root.
   */
  public Result ensure(CertificateAuthority authority, Secret currentSecret, ResolvedIssuer parent) {
    CertificateAuthoritySpec spec = authority.getSpec();
    CaRequest request = new CaRequest(
        SpecTranslation.subject(spec.getSubject(), commonNameOrDefault(authority)),
        SpecTranslation.duration("spec.duration", spec.getDuration()),
        spec.getMaxPathLength(),
        SpecTranslation.nameConstraints(spec.getNameConstraints()));
    KeySpec keySpec = SpecTranslation.keySpec(spec.getPrivateKey());
    RenewalPolicy renewal = SpecTranslation.renewalPolicy(spec.getRenewBefore(), spec.getRenewBeforePercentage());
    String digest = SpecDigest.of(request.subject(), spec.getDuration(), keySpec, spec.getMaxPathLength(),
        request.nameConstraints(), parent == null ? "self-signed" : parent.reference());

    Optional<CaMaterial> current = readQuietly(currentSecret);
    Optional<IssueReason> reason = issueReason(currentSecret, current, digest, parent, renewal);
    if (reason.isEmpty()) {
      return new Result(withCurrentParentChain(current.get(), parent), digest, Optional.empty());
    }

    Optional<CaMaterial> reusable = current.filter(m -> reason.get() != IssueReason.KeyMismatch);
    KeyPair keyPair = keySource.keyFor(spec.getPrivateKey(), keySpec,
        reusable.map(CaMaterial::certificate), reusable.map(CaMaterial::privateKey));
    try {
      CaMaterial issued = parent == null
          ? issuer.selfSignedRoot(request, keyPair)
          : issuer.intermediate(request, keyPair, parent.material());
      return new Result(issued, digest, reason);
    } catch (PkiException e) {
      throw new ReconcileProblem("IssueFailed", "Cannot issue the CA certificate: " + e.getMessage(), e);
    }
  }

  private Optional<IssueReason> issueReason(Secret secret, Optional<CaMaterial> current, String digest,
      ResolvedIssuer parent, RenewalPolicy renewal) {
    if (secret == null) {
      return Optional.of(IssueReason.DoesNotExist);
    }
    if (current.isEmpty()) {
      return Optional.of(IssueReason.InvalidSecretData);
    }
    X509Certificate certificate = current.get().certificate();
    if (!KeyMatch.matches(certificate.getPublicKey(), current.get().privateKey())) {
      return Optional.of(IssueReason.KeyMismatch);
    }
    if (!digest.equals(secret.getMetadata().getAnnotations().get(SecretMetadata.SPEC_DIGEST_ANNOTATION))) {
      return Optional.of(IssueReason.SpecChanged);
    }
    if (parent != null && !Signatures.isSignedBy(certificate, parent.material().certificate())) {
      return Optional.of(IssueReason.IssuerChanged);
    }
    Instant now = clock.instant();
    if (!now.isBefore(certificate.getNotAfter().toInstant())) {
      return Optional.of(IssueReason.Expired);
    }
    Instant renewalTime = renewal.renewalTime(certificate.getNotBefore().toInstant(),
        certificate.getNotAfter().toInstant(), certificate.getSerialNumber().longValue());
    if (!now.isBefore(renewalTime)) {
      return Optional.of(IssueReason.RenewalDue);
    }
    return Optional.empty();
  }

  /** Rebuilds an intermediate's chain from its parent's current chain, which changes when the parent renews. */
  private static CaMaterial withCurrentParentChain(CaMaterial current, ResolvedIssuer parent) {
    if (parent == null) {
      return current;
    }
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(current.certificate());
    chain.addAll(parent.material().chain());
    return new CaMaterial(current.certificate(), current.privateKey(), chain);
  }

  private static Optional<CaMaterial> readQuietly(Secret secret) {
    if (secret == null) {
      return Optional.empty();
    }
    try {
      return AuthoritySecret.read(secret);
    } catch (PkiException | IllegalArgumentException e) {
      // A new issue repairs unreadable content, with the reason InvalidSecretData.
      return Optional.empty();
    }
  }

  private static String commonNameOrDefault(CertificateAuthority authority) {
    var subject = authority.getSpec().getSubject();
    return subject != null && subject.getCommonName() != null ? null : authority.getMetadata().getName();
  }
}
