package io.mtlsoperator.authority;

import io.mtlsoperator.pki.CaMaterial;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves an authority from one state to the next so that trust always arrives before use. A new
 * root that no workload trusts yet is first published as pending, beside the active one; it signs only
 * after the trust propagation delay. The previous root stays a trust anchor until it expires, so
 * certificates it signed keep working while they are re-issued.
 */
final class AuthorityTransitions {

  private AuthorityTransitions() {
  }

  /**
   * Adopts freshly issued or imported material. {@code inheritedAnchors} is the parent's trust
   * bundle for an intermediate, and empty for a root or an imported CA.
   */
  static AuthorityState adopt(Optional<AuthorityState> current, CaMaterial fresh,
      List<X509Certificate> inheritedAnchors, Duration trustPropagationDelay, Instant now) {
    if (current.isEmpty() || !isValid(current.get().active().certificate(), now)) {
      return AuthorityState.of(fresh, anchors(fresh, inheritedAnchors, current, now));
    }
    AuthorityState state = current.get();
    boolean trustedAlready = state.trustAnchors().contains(fresh.root())
        || inheritedAnchors.contains(fresh.root())
        || fresh.root().getPublicKey().equals(state.active().root().getPublicKey());
    if (trustedAlready || trustPropagationDelay.isZero()) {
      return AuthorityState.of(fresh, anchors(fresh, inheritedAnchors, current, now));
    }

    List<X509Certificate> published = new ArrayList<>(state.trustAnchors());
    published.add(fresh.root());
    return new AuthorityState(state.active(), Optional.of(fresh), Optional.of(now.plus(trustPropagationDelay)),
        unexpired(published, now));
  }

  /** Promotes the pending material once its promotion time has come. */
  static AuthorityState promoteIfDue(AuthorityState state, Instant now) {
    if (state.pending().isEmpty() || now.isBefore(state.promotionTime().get())) {
      return state;
    }
    CaMaterial promoted = state.pending().get();
    List<X509Certificate> anchors = new ArrayList<>();
    anchors.add(promoted.root());
    state.trustAnchors().stream().filter(anchor -> !anchor.equals(promoted.root())).forEach(anchors::add);
    return AuthorityState.of(promoted, unexpired(anchors, now));
  }

  /**
   * Keeps the active material and refreshes the anchors: an intermediate follows its parent's
   * bundle, and expired anchors leave.
   */
  static AuthorityState refresh(AuthorityState state, CaMaterial active, List<X509Certificate> inheritedAnchors,
      Instant now) {
    List<X509Certificate> anchors = inheritedAnchors.isEmpty() ? state.trustAnchors() : inheritedAnchors;
    return new AuthorityState(active, state.pending(), state.promotionTime(), unexpired(anchors, now));
  }

  private static List<X509Certificate> anchors(CaMaterial fresh, List<X509Certificate> inheritedAnchors,
      Optional<AuthorityState> previous, Instant now) {
    if (!inheritedAnchors.isEmpty()) {
      return unexpired(inheritedAnchors, now);
    }
    List<X509Certificate> anchors = new ArrayList<>();
    anchors.add(fresh.root());
    // An older certificate of the same key is equivalent to the new one for every verifier.
    previous.ifPresent(state -> state.trustAnchors().stream()
        .filter(anchor -> !anchor.getPublicKey().equals(fresh.root().getPublicKey()))
        .forEach(anchors::add));
    return unexpired(anchors, now);
  }

  private static List<X509Certificate> unexpired(List<X509Certificate> anchors, Instant now) {
    return anchors.stream().distinct().filter(anchor -> isValid(anchor, now)).toList();
  }

  private static boolean isValid(X509Certificate certificate, Instant now) {
    return now.isBefore(certificate.getNotAfter().toInstant());
  }
}
