package io.mtlsoperator.authority;

import io.mtlsoperator.pki.CaMaterial;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an authority's Secret holds: the active material that signs, possibly a pending material
 * with a new key that is trusted already but signs only from its promotion time, and the trust
 * anchors that go into ca.crt of every Secret below the authority.
 *
 * @param active the certificate and key that sign now, with the chain to its root
 * @param pending a renewed certificate with a new key that waits for trust to propagate
 * @param promotionTime when {@code pending} becomes active; present exactly when pending is
 * @param trustAnchors the roots to trust, active root first, then the pending root and previous roots
 */
public record AuthorityState(CaMaterial active, Optional<CaMaterial> pending, Optional<Instant> promotionTime,
    List<X509Certificate> trustAnchors) {

  public AuthorityState {
    trustAnchors = List.copyOf(trustAnchors);
  }

  public static AuthorityState of(CaMaterial active, List<X509Certificate> trustAnchors) {
    return new AuthorityState(active, Optional.empty(), Optional.empty(), trustAnchors);
  }

  /** Returns the trust anchors that are neither the active root nor the pending root: those kept from before a rotation. */
  public List<X509Certificate> previousAnchors() {
    return trustAnchors.stream()
        .filter(anchor -> !anchor.equals(active.root()))
        .filter(anchor -> pending.map(p -> !anchor.equals(p.root())).orElse(true))
        .toList();
  }
}
