package io.mtlsoperator.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyPairFactoryTest {

    private final KeyPairFactory factory = new KeyPairFactory();

    @ParameterizedTest
    @CsvSource({"256, 1.2.840.10045.3.1.7", "384, 1.3.132.0.34"})
    void ecdsaKeyIsOnTheRequestedCurve(int size, String curveOid) {
        KeyPair pair = factory.generate(new KeySpec(KeyAlgorithm.ECDSA, size));

        assertThat(pair.getPublic()).isInstanceOf(ECPublicKey.class);
        assertThat(EllipticCurves.curveOf(((ECPublicKey) pair.getPublic()).getParams()).orElseThrow().oid().getId())
                .isEqualTo(curveOid);
        assertThat(KeyMatch.matches(pair.getPublic(), pair.getPrivate())).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"2048", "3072", "4096"})
    void rsaKeyHasTheRequestedModulusLength(int size) {
        KeyPair pair = TestPki.key(new KeySpec(KeyAlgorithm.RSA, size), "factory");

        assertThat(((RSAPublicKey) pair.getPublic()).getModulus().bitLength()).isEqualTo(size);
        assertThat(((RSAPublicKey) pair.getPublic()).getPublicExponent().intValue()).isEqualTo(65537);
    }

    @Test
    void ed25519KeyIsEd25519() {
        KeyPair pair = factory.generate(new KeySpec(KeyAlgorithm.ED25519, 0));

        assertThat(EllipticCurves.isEd25519(pair.getPublic())).isTrue();
        assertThat(KeySpec.of(pair.getPublic())).isEqualTo(TestPki.ED25519);
    }

    @Test
    void twoKeysOfTheSameSpecDiffer() {
        KeyPair first = factory.generate(TestPki.EC_P256);
        KeyPair second = factory.generate(TestPki.EC_P256);

        assertThat(first.getPublic().getEncoded()).isNotEqualTo(second.getPublic().getEncoded());
    }
}
