package io.mtlsoperator.pki;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/** Checks whether a private key belongs to a public key, by deriving the public part from the private key. */
public final class KeyMatch {

    private KeyMatch() {
    }

    /**
     * Returns whether the keys form a pair. RSA compares the modulus and, for CRT keys, the public
     * exponent; EC compares the curve and the point d·G; Ed25519 compares the public key derived
     * from the private seed. Keys of different algorithms never match.
     */
    public static boolean matches(PublicKey publicKey, PrivateKey privateKey) {
        if (publicKey == null || privateKey == null) {
            return false;
        }
        if (publicKey instanceof RSAPublicKey rsaPublic && privateKey instanceof RSAPrivateKey rsaPrivate) {
            if (!rsaPublic.getModulus().equals(rsaPrivate.getModulus())) {
                return false;
            }
            return !(rsaPrivate instanceof RSAPrivateCrtKey crt) || crt.getPublicExponent().equals(rsaPublic.getPublicExponent());
        }
        if (publicKey instanceof ECPublicKey ecPublic && privateKey instanceof ECPrivateKey ecPrivate) {
            return EllipticCurves.publicPointMatches(ecPublic, ecPrivate);
        }
        if (EllipticCurves.isEd25519(publicKey) && EllipticCurves.isEd25519(privateKey)) {
            return ed25519Matches(publicKey, privateKey);
        }
        return false;
    }

    private static boolean ed25519Matches(PublicKey publicKey, PrivateKey privateKey) {
        byte[] encoded = privateKey.getEncoded();
        byte[] seed = null;
        try {
            seed = ASN1OctetString.getInstance(PrivateKeyInfo.getInstance(encoded).parsePrivateKey()).getOctets();
            if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
                return false;
            }
            byte[] derived = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
            byte[] actual = SubjectPublicKeyInfo.getInstance(publicKey.getEncoded()).getPublicKeyData().getBytes();
            return Arrays.equals(derived, actual);
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } finally {
            Arrays.fill(encoded, (byte) 0);
            if (seed != null) {
                Arrays.fill(seed, (byte) 0);
            }
        }
    }
}
