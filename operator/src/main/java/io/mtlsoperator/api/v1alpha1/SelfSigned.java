package io.mtlsoperator.api.v1alpha1;

/** Marks a CertificateAuthority as a self-signed root; it has no settings. */
public class SelfSigned {
}
