package io.mtlsoperator.pki;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Curve identification and point arithmetic for EC and Ed25519 keys from any provider.
 * The JDK exposes curves only as parameters, so a curve is recognised by comparing them with
 * the named curves' parameters.
 */
final class EllipticCurves {

    enum Curve {
        P256("secp256r1", "P-256", 256, new ASN1ObjectIdentifier("1.2.840.10045.3.1.7")),
        P384("secp384r1", "P-384", 384, new ASN1ObjectIdentifier("1.3.132.0.34")),
        P521("secp521r1", "P-521", 521, new ASN1ObjectIdentifier("1.3.132.0.35"));

        private final String standardName;
        private final String displayName;
        private final int bits;
        private final ASN1ObjectIdentifier oid;
        private volatile ECParameterSpec parameters;

        Curve(String standardName, String displayName, int bits, ASN1ObjectIdentifier oid) {
            this.standardName = standardName;
            this.displayName = displayName;
            this.bits = bits;
            this.oid = oid;
        }

        String standardName() {
            return standardName;
        }

        String displayName() {
            return displayName;
        }

        int bits() {
            return bits;
        }

        ASN1ObjectIdentifier oid() {
            return oid;
        }

        ECParameterSpec parameters() {
            ECParameterSpec result = parameters;
            if (result == null) {
                try {
                    AlgorithmParameters algorithmParameters = AlgorithmParameters.getInstance("EC");
                    algorithmParameters.init(new ECGenParameterSpec(standardName));
                    result = algorithmParameters.getParameterSpec(ECParameterSpec.class);
                } catch (GeneralSecurityException e) {
                    throw new PkiException("the JDK does not provide the curve " + standardName, e);
                }
                parameters = result;
            }
            return result;
        }
    }

    private EllipticCurves() {
    }

    static Optional<Curve> curveOf(ECParameterSpec spec) {
        for (Curve curve : Curve.values()) {
            if (sameCurve(curve.parameters(), spec)) {
                return Optional.of(curve);
            }
        }
        return Optional.empty();
    }

    static Optional<Curve> curveOf(ASN1ObjectIdentifier oid) {
        return Arrays.stream(Curve.values()).filter(curve -> curve.oid().equals(oid)).findFirst();
    }

    static Curve curveOfKnown(ECParameterSpec spec) {
        return curveOf(spec).orElseThrow(() -> new PkiException(
                "the EC key is on a curve that is not supported: use P-256, P-384 or P-521"));
    }

    /** Returns the uncompressed public point d·G that belongs to the private key. */
    static ECPoint publicPointOf(ECPrivateKey privateKey) {
        Curve curve = curveOfKnown(privateKey.getParams());
        ECNamedCurveParameterSpec bcSpec = ECNamedCurveTable.getParameterSpec(curve.standardName());
        return bcSpec.getG().multiply(privateKey.getS()).normalize();
    }

    static boolean publicPointMatches(ECPublicKey publicKey, ECPrivateKey privateKey) {
        Optional<Curve> publicCurve = curveOf(publicKey.getParams());
        Optional<Curve> privateCurve = curveOf(privateKey.getParams());
        if (publicCurve.isEmpty() || !publicCurve.equals(privateCurve)) {
            return false;
        }
        ECPoint derived = publicPointOf(privateKey);
        BigInteger x = publicKey.getW().getAffineX();
        BigInteger y = publicKey.getW().getAffineY();
        return derived.getAffineXCoord().toBigInteger().equals(x)
                && derived.getAffineYCoord().toBigInteger().equals(y);
    }

    /** Returns whether the key, public or private, is an Ed25519 key, judged by its encoding. */
    static boolean isEd25519(Key key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            return false;
        }
        try {
            ASN1ObjectIdentifier algorithm = "X.509".equals(key.getFormat())
                    ? SubjectPublicKeyInfo.getInstance(encoded).getAlgorithm().getAlgorithm()
                    : PrivateKeyInfo.getInstance(encoded).getPrivateKeyAlgorithm().getAlgorithm();
            return EdECObjectIdentifiers.id_Ed25519.equals(algorithm);
        } catch (IllegalArgumentException e) {
            return false;
        } finally {
            if (!"X.509".equals(key.getFormat())) {
                Arrays.fill(encoded, (byte) 0);
            }
        }
    }

    private static boolean sameCurve(ECParameterSpec a, ECParameterSpec b) {
        return Objects.equals(a.getCurve(), b.getCurve())
                && Objects.equals(a.getGenerator(), b.getGenerator())
                && a.getOrder().equals(b.getOrder())
                && a.getCofactor() == b.getCofactor();
    }
}
