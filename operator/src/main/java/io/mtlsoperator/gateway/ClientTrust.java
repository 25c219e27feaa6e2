package io.mtlsoperator.gateway;

import io.mtlsoperator.api.v1alpha1.ObjectReference;
import io.mtlsoperator.authority.IssuerResolver;
import io.mtlsoperator.authority.ResolvedIssuer;
import io.mtlsoperator.pki.CertificateInfo;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CA certificates a gateway trusts for client certificates: the trust anchors of every
 * client authority, which include a pending new root and the still valid old roots while a
 * rotation overlaps, so clients of both keep connecting.
 */
public final class ClientTrust {

  /** The bundle, without duplicates, and the authorities it came from as {@code namespace/name}. */
  public record Bundle(List<X509Certificate> certificates, List<String> authorities) {
  }

  private final IssuerResolver issuerResolver;

  public ClientTrust(IssuerResolver issuerResolver) {
    this.issuerResolver = issuerResolver;
  }

  /**
   * Collects the bundle for a certificate in {@code requesterNamespace}; every authority must exist,
   * be Ready and allow that namespace, as for issuing, or a ReconcileProblem names the one that does not.
   */
  public Bundle collect(List<ObjectReference> authorities, String requesterNamespace) {
    Map<String, X509Certificate> byFingerprint = new LinkedHashMap<>();
    List<String> references = new ArrayList<>();
    for (ObjectReference reference : authorities) {
      ResolvedIssuer authority = issuerResolver.resolve(reference, requesterNamespace,
          "spec.gateway.clientAuthorities");
      references.add(authority.reference());
      for (X509Certificate anchor : authority.trustAnchors()) {
        byFingerprint.putIfAbsent(CertificateInfo.of(anchor).sha256Fingerprint(), anchor);
      }
    }
    return new Bundle(List.copyOf(byFingerprint.values()), references);
  }
}
