package io.mtlsoperator.pki;

/** PEM encodings of a private key. */
public enum PrivateKeyEncoding {
    /** PKCS#8 PrivateKeyInfo ("PRIVATE KEY"), for every algorithm. */
    PKCS8,
    /** PKCS#1 RSAPrivateKey ("RSA PRIVATE KEY"), for RSA keys only. */
    PKCS1,
    /** SEC 1 ECPrivateKey ("EC PRIVATE KEY"), for EC keys only. */
    SEC1
}
