package io.mtlsoperator.pki;

import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;

/** Picks the signature algorithm for a signing key: a digest as strong as the key, where there is a choice. */
final class SignatureAlgorithms {

    private SignatureAlgorithms() {
    }

    /** Returns the JCA signature algorithm name for certificates signed with the key. */
    static String forSigningKey(PrivateKey key) {
        if (key instanceof RSAPrivateKey) {
            // SHA-256 with PKCS#1 v1.5 is what every TLS stack accepts for RSA certificate signatures.
            return "SHA256withRSA";
        }
        if (key instanceof ECPrivateKey ec) {
            return switch (EllipticCurves.curveOfKnown(ec.getParams())) {
                case P256 -> "SHA256withECDSA";
                case P384 -> "SHA384withECDSA";
                case P521 -> "SHA512withECDSA";
            };
        }
        if (EllipticCurves.isEd25519(key)) {
            return "Ed25519";
        }
        throw new PkiException("signing with a " + key.getAlgorithm() + " key is not supported: use ECDSA, RSA or Ed25519");
    }
}
