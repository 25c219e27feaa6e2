package io.mtlsoperator.api.v1alpha1;

/** The kind of signer of an MtlsCertificate. */
public enum IssuerKind {
  /** A CertificateAuthority of this operator; the operator issues the certificate itself. */
  CertificateAuthority,
  /**
   * A Gardener cert-management issuer (cert.gardener.cloud), e.g. the shoot's public ACME issuer
   * {@code garden}: the operator creates a Gardener Certificate, and Gardener writes the Secret.
   */
  GardenerIssuer
}
