package io.mtlsoperator.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeySpecTest {

    @ParameterizedTest
    @CsvSource({"ECDSA, 256", "ECDSA, 384", "RSA, 2048", "RSA, 3072", "RSA, 4096"})
    void supportedSizesAreAccepted(KeyAlgorithm algorithm, int size) {
        assertThat(new KeySpec(algorithm, size).size()).isEqualTo(size);
    }

    @Test
    void rsa1024IsRejectedWithFieldAndChoices() {
        assertThatThrownBy(() -> new KeySpec(KeyAlgorithm.RSA, 1024))
                .isInstanceOf(PkiException.class)
                .hasMessage("privateKey.size 1024 is not supported for RSA: use 2048, 3072 or 4096");
    }

    @Test
    void ecdsa521IsRejectedWithFieldAndChoices() {
        assertThatThrownBy(() -> new KeySpec(KeyAlgorithm.ECDSA, 521))
                .isInstanceOf(PkiException.class)
                .hasMessage("privateKey.size 521 is not supported for ECDSA: use 256 or 384");
    }

    @Test
    void ed25519IgnoresTheSize() {
        assertThat(new KeySpec(KeyAlgorithm.ED25519, 256).size()).isZero();
    }

    @Test
    void missingAlgorithmIsRejected() {
        assertThatThrownBy(() -> KeySpec.of(null, 2048)).hasMessageContaining("privateKey.algorithm is missing");
    }

    @Test
    void defaultSizesApplyWithoutSize() {
        assertThat(KeySpec.of(KeyAlgorithm.ECDSA, null)).isEqualTo(new KeySpec(KeyAlgorithm.ECDSA, 256));
        assertThat(KeySpec.of(KeyAlgorithm.RSA, null)).isEqualTo(new KeySpec(KeyAlgorithm.RSA, 2048));
        assertThat(KeySpec.of(KeyAlgorithm.ED25519, null)).isEqualTo(new KeySpec(KeyAlgorithm.ED25519, 0));
    }

    @Test
    void explicitSizeOverridesDefault() {
        assertThat(KeySpec.of(KeyAlgorithm.RSA, 3072).size()).isEqualTo(3072);
    }

    @Test
    void specOfPublicKeyReadsAlgorithmAndSize() {
        for (KeySpec spec : new KeySpec[] {TestPki.EC_P256, TestPki.EC_P384, TestPki.RSA_2048, TestPki.ED25519}) {
            PublicKey publicKey = TestPki.key(spec, "spec").getPublic();
            assertThat(KeySpec.of(publicKey)).as(spec.toString()).isEqualTo(spec);
        }
    }

    @Test
    void specOfP521KeyIsRejected() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp521r1"));
        PublicKey p521 = generator.generateKeyPair().getPublic();

        assertThatThrownBy(() -> KeySpec.of(p521))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("P-521, which is not supported");
    }

    @Test
    void specOfRsa1024KeyIsRejected() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        PublicKey rsa1024 = generator.generateKeyPair().getPublic();

        assertThatThrownBy(() -> KeySpec.of(rsa1024))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("RSA with 1024 bits, which is not supported");
    }
}
