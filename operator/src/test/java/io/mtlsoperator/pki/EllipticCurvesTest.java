package io.mtlsoperator.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

class EllipticCurvesTest {

    @Test
    void namedCurvesAreRecognizedFromTheirParameters() throws Exception {
        for (EllipticCurves.Curve curve : EllipticCurves.Curve.values()) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve.standardName()));
            ECPublicKey publicKey = (ECPublicKey) generator.generateKeyPair().getPublic();

            assertThat(EllipticCurves.curveOf(publicKey.getParams())).as(curve.displayName()).contains(curve);
        }
    }

    @Test
    void publicPointIsDerivedFromThePrivateKey() {
        ECPublicKey publicKey = (ECPublicKey) TestPki.key(TestPki.EC_P384, "curves").getPublic();
        ECPrivateKey privateKey = (ECPrivateKey) TestPki.key(TestPki.EC_P384, "curves").getPrivate();

        org.bouncycastle.math.ec.ECPoint point = EllipticCurves.publicPointOf(privateKey);

        assertThat(point.getAffineXCoord().toBigInteger()).isEqualTo(publicKey.getW().getAffineX());
        assertThat(point.getAffineYCoord().toBigInteger()).isEqualTo(publicKey.getW().getAffineY());
    }

    @Test
    void ed25519IsRecognizedOnPublicAndPrivateKeys() {
        assertThat(EllipticCurves.isEd25519(TestPki.key(TestPki.ED25519, "curves").getPublic())).isTrue();
        assertThat(EllipticCurves.isEd25519(TestPki.key(TestPki.ED25519, "curves").getPrivate())).isTrue();
        assertThat(EllipticCurves.isEd25519(TestPki.key(TestPki.EC_P256, "curves").getPublic())).isFalse();
    }
}
