package io.mtlsoperator.authority;

import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.pki.CaMaterial;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A Ready authority that may sign for the requester: its active certificate and key, and the
 * trust anchors that belong in ca.crt below it (more than one while a rotation overlaps).
 */
public record ResolvedIssuer(CertificateAuthority authority, CaMaterial material, List<X509Certificate> trustAnchors) {

  /** Returns {@code namespace/name}, as written into annotations and messages. */
  public String reference() {
    return authority.getMetadata().getNamespace() + "/" + authority.getMetadata().getName();
  }
}
