package io.mtlsoperator.authority;

import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.pki.CaMaterial;

/** A Ready authority that may sign for the requester, with its current certificate and key. */
public record ResolvedIssuer(CertificateAuthority authority, CaMaterial material) {

  /** Returns {@code namespace/name}, as written into annotations and messages. */
  public String reference() {
    return authority.getMetadata().getNamespace() + "/" + authority.getMetadata().getName();
  }
}
