package io.mtlsoperator.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

/** Generates key pairs with the JDK's providers. */
public final class KeyPairFactory {

    private final SecureRandom random;

    public KeyPairFactory() {
        this(new SecureRandom());
    }

    KeyPairFactory(SecureRandom random) {
        this.random = random;
    }

    public KeyPair generate(KeySpec spec) {
        try {
            KeyPairGenerator generator = switch (spec.algorithm()) {
                case ECDSA -> {
                    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
                    EllipticCurves.Curve curve = spec.size() == 384 ? EllipticCurves.Curve.P384 : EllipticCurves.Curve.P256;
                    ec.initialize(new ECGenParameterSpec(curve.standardName()), random);
                    yield ec;
                }
                case RSA -> {
                    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
                    rsa.initialize(new RSAKeyGenParameterSpec(spec.size(), RSAKeyGenParameterSpec.F4), random);
                    yield rsa;
                }
                case ED25519 -> {
                    KeyPairGenerator ed25519 = KeyPairGenerator.getInstance("Ed25519");
                    ed25519.initialize(255, random);
                    yield ed25519;
                }
            };
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new PkiException("generating a " + spec.algorithm() + " key failed: " + e.getMessage(), e);
        }
    }
}
