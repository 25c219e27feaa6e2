package io.mtlsoperator.pki;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

/**
 * Key algorithm and size: 256 or 384 bits for ECDSA (curves P-256 and P-384), 2048, 3072 or
 * 4096 bits for RSA. Ed25519 has one fixed size, so its size is always 0 and a given size is
 * ignored.
 */
public record KeySpec(KeyAlgorithm algorithm, int size) {

    public KeySpec {
        if (algorithm == null) {
            throw new PkiException("privateKey.algorithm is missing: use ECDSA, RSA or Ed25519");
        }
        switch (algorithm) {
            case ECDSA -> {
                if (size != 256 && size != 384) {
                    throw new PkiException("privateKey.size " + size + " is not supported for ECDSA: use 256 or 384");
                }
            }
            case RSA -> {
                if (size != 2048 && size != 3072 && size != 4096) {
                    throw new PkiException(
                            "privateKey.size " + size + " is not supported for RSA: use 2048, 3072 or 4096");
                }
            }
            case ED25519 -> size = 0;
        }
    }

    /** Returns the spec for the algorithm, with its default size (ECDSA 256, RSA 2048) when none is given. */
    public static KeySpec of(KeyAlgorithm algorithm, Integer sizeOrNull) {
        if (algorithm == null || sizeOrNull != null) {
            // The compact constructor rejects what is missing or unsupported, with the field name.
            return new KeySpec(algorithm, sizeOrNull == null ? 0 : sizeOrNull);
        }
        return switch (algorithm) {
            case ECDSA -> new KeySpec(algorithm, 256);
            case RSA -> new KeySpec(algorithm, 2048);
            case ED25519 -> new KeySpec(algorithm, 0);
        };
    }

    /**
     * Returns the spec of an existing key, for example the key of a certificate found in a
     * Secret.
     *
     * @throws PkiException if the key is of an algorithm, curve or size this operator does not
     *     issue, such as RSA 1024 or P-521
     */
    public static KeySpec of(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits != 2048 && bits != 3072 && bits != 4096) {
                throw new PkiException("the key is RSA with " + bits + " bits, which is not supported: "
                        + "the operator issues RSA keys of 2048, 3072 or 4096 bits");
            }
            return new KeySpec(KeyAlgorithm.RSA, bits);
        }
        if (key instanceof ECPublicKey ec) {
            EllipticCurves.Curve curve = EllipticCurves.curveOf(ec.getParams())
                    .orElseThrow(() -> new PkiException("the key is ECDSA on a curve that is not supported: "
                            + "the operator issues ECDSA keys on P-256 or P-384"));
            if (curve != EllipticCurves.Curve.P256 && curve != EllipticCurves.Curve.P384) {
                throw new PkiException("the key is ECDSA on " + curve.displayName() + ", which is not supported: "
                        + "the operator issues ECDSA keys on P-256 or P-384");
            }
            return new KeySpec(KeyAlgorithm.ECDSA, curve.bits());
        }
        if (EllipticCurves.isEd25519(key)) {
            return new KeySpec(KeyAlgorithm.ED25519, 0);
        }
        throw new PkiException("the key algorithm " + key.getAlgorithm() + " is not supported: use ECDSA, RSA or Ed25519");
    }
}
