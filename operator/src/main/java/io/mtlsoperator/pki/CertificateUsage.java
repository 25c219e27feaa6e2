package io.mtlsoperator.pki;

/** What a leaf certificate is for; it decides the extendedKeyUsage extension. */
public enum CertificateUsage {
    /** TLS server authentication (id-kp-serverAuth). */
    SERVER,
    /** TLS client authentication (id-kp-clientAuth). */
    CLIENT,
    /** Both serverAuth and clientAuth, for peers that accept and open connections. */
    SERVER_AND_CLIENT
}
