package io.mtlsoperator.pki;

/** Public key algorithms the operator generates keys for. */
public enum KeyAlgorithm {
    ECDSA,
    RSA,
    ED25519
}
