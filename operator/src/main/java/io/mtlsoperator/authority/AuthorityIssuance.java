package io.mtlsoperator.authority;

import io.fabric8.kubernetes.api.model.Secret;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.api.v1alpha1.CertificateAuthoritySpec;
import io.mtlsoperator.kube.SecretMetadata;
import io.mtlsoperator.lifecycle.IssueReason;
import io.mtlsoperator.lifecycle.KeySource;
import io.mtlsoperator.lifecycle.ReconcileProblem;
import io.mtlsoperator.lifecycle.RenewalPolicy;
import io.mtlsoperator.lifecycle.RenewalRequest;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a self-signed or intermediate authority current: decides whether to issue, issues, and
 * moves the authority's state through a rotation (see {@link AuthorityTransitions}).
 */
public final class AuthorityIssuance {

  /**
   * The state the authority's Secret should hold, and what just happened: the reason a new
   * certificate was issued, and whether a pending certificate was promoted.
   */
  public record Result(AuthorityState state, String specDigest, Optional<IssueReason> issueReason, boolean promoted) {
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
   * Returns the next state of the authority's Secret. {@code parent} is the signing authority of
   * an intermediate, null for a root.
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
    Duration trustPropagationDelay = trustPropagationDelay(spec);
    String digest = SpecDigest.of(request.subject(), spec.getDuration(), keySpec, spec.getMaxPathLength(),
        request.nameConstraints(), parent == null ? "self-signed" : parent.reference());
    List<X509Certificate> inheritedAnchors = parent == null ? List.of() : parent.trustAnchors();
    Instant now = clock.instant();

    Optional<AuthorityState> current = AuthoritySecret.readQuietly(currentSecret);

    // A rotation in progress finishes first; any other reason to issue waits for the promotion.
    if (current.isPresent() && current.get().pending().isPresent()) {
      AuthorityState next = AuthorityTransitions.promoteIfDue(current.get(), now);
      boolean promoted = next.pending().isEmpty();
      return new Result(AuthorityTransitions.refresh(next, next.active(), inheritedAnchors, now), digest,
          Optional.empty(), promoted);
    }

    Optional<IssueReason> reason = issueReason(authority, currentSecret, current, digest, parent, renewal, now);
    if (reason.isEmpty()) {
      AuthorityState state = current.get();
      CaMaterial active = withCurrentParentChain(state.active(), parent);
      return new Result(AuthorityTransitions.refresh(state, active, inheritedAnchors, now), digest, Optional.empty(),
          false);
    }

    Optional<AuthorityState> usable = current.filter(state -> reason.get() != IssueReason.KeyMismatch);
    KeyPair keyPair = keySource.keyFor(spec.getPrivateKey(), keySpec,
        usable.map(state -> state.active().certificate()), usable.map(state -> state.active().privateKey()));
    CaMaterial fresh;
    try {
      fresh = parent == null
          ? issuer.selfSignedRoot(request, keyPair)
          : issuer.intermediate(request, keyPair, parent.material());
    } catch (PkiException e) {
      throw new ReconcileProblem("IssueFailed", "Cannot issue the CA certificate: " + e.getMessage(), e);
    }
    AuthorityState next = AuthorityTransitions.adopt(usable, fresh, inheritedAnchors, trustPropagationDelay, now);
    return new Result(next, digest, reason, false);
  }

  private Optional<IssueReason> issueReason(CertificateAuthority authority, Secret secret,
      Optional<AuthorityState> current, String digest, ResolvedIssuer parent, RenewalPolicy renewal, Instant now) {
    if (secret == null) {
      return Optional.of(IssueReason.DoesNotExist);
    }
    if (current.isEmpty()) {
      return Optional.of(IssueReason.InvalidSecretData);
    }
    CaMaterial active = current.get().active();
    X509Certificate certificate = active.certificate();
    if (!KeyMatch.matches(certificate.getPublicKey(), active.privateKey())) {
      return Optional.of(IssueReason.KeyMismatch);
    }
    String recordedDigest = secret.getMetadata().getAnnotations() == null ? null
        : secret.getMetadata().getAnnotations().get(SecretMetadata.SPEC_DIGEST_ANNOTATION);
    if (!digest.equals(recordedDigest)) {
      return Optional.of(IssueReason.SpecChanged);
    }
    if (parent != null && !Signatures.isSignedBy(certificate, parent.material().certificate())) {
      return Optional.of(IssueReason.IssuerChanged);
    }
    if (!now.isBefore(certificate.getNotAfter().toInstant())) {
      return Optional.of(IssueReason.Expired);
    }
    if (RenewalRequest.isOutstanding(authority, secret)) {
      return Optional.of(IssueReason.RenewalRequested);
    }
    Instant renewalTime = renewal.renewalTime(certificate.getNotBefore().toInstant(),
        certificate.getNotAfter().toInstant(), certificate.getSerialNumber().longValue());
    if (!now.isBefore(renewalTime)) {
      return Optional.of(IssueReason.RenewalDue);
    }
    return Optional.empty();
  }

  static Duration trustPropagationDelay(CertificateAuthoritySpec spec) {
    String configured = spec.getTrustPropagationDelay();
    return configured == null ? Duration.ofMinutes(2)
        : SpecTranslation.durationOrZero("spec.trustPropagationDelay", configured);
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

  private static String commonNameOrDefault(CertificateAuthority authority) {
    var subject = authority.getSpec().getSubject();
    return subject != null && subject.getCommonName() != null ? null : authority.getMetadata().getName();
  }
}
