package io.mtlsoperator.demo;

import java.util.List;

/**
 * Kinds of the operator's API. The demo reads and writes them as generic resources, so it works
 * from the manifests alone and does not depend on the operator's model classes.
 */
final class PkiKinds {

  static final String API_VERSION = "pki.mtls-operator.io/v1alpha1";
  static final String CERTIFICATE_AUTHORITY = "CertificateAuthority";
  static final String MTLS_CERTIFICATE = "MtlsCertificate";

  /** Authorities first, because the table lists issuers before what they issue. */
  static final List<String> ALL = List.of(CERTIFICATE_AUTHORITY, MTLS_CERTIFICATE);

  private PkiKinds() {
  }
}
