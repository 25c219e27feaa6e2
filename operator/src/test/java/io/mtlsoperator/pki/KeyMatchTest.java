package io.mtlsoperator.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class KeyMatchTest {

    static Stream<KeySpec> specs() {
        return Stream.of(TestPki.EC_P256, TestPki.EC_P384, TestPki.RSA_2048, TestPki.ED25519);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void keysOfOnePairMatch(KeySpec spec) {
        KeyPair pair = TestPki.key(spec, "match");

        assertThat(KeyMatch.matches(pair.getPublic(), pair.getPrivate())).isTrue();
    }

    @ParameterizedTest
    @MethodSource("specs")
    void keysOfTwoPairsDoNotMatch(KeySpec spec) {
        KeyPair first = TestPki.key(spec, "match");
        KeyPair second = TestPki.key(spec, "other");

        assertThat(KeyMatch.matches(first.getPublic(), second.getPrivate())).isFalse();
    }

    @Test
    void keysOfDifferentAlgorithmsDoNotMatch() {
        assertThat(KeyMatch.matches(TestPki.key(TestPki.EC_P256, "match").getPublic(),
                TestPki.key(TestPki.RSA_2048, "match").getPrivate())).isFalse();
        assertThat(KeyMatch.matches(TestPki.key(TestPki.ED25519, "match").getPublic(),
                TestPki.key(TestPki.EC_P256, "match").getPrivate())).isFalse();
    }

    @Test
    void ecKeysOnDifferentCurvesDoNotMatch() {
        assertThat(KeyMatch.matches(TestPki.key(TestPki.EC_P384, "match").getPublic(),
                TestPki.key(TestPki.EC_P256, "match").getPrivate())).isFalse();
    }

    @Test
    void parsedKeyMatchesItsCertificateKey() {
        KeyPair pair = TestPki.key(TestPki.ED25519, "match");
        String pem = Pem.encodePrivateKey(pair.getPrivate(), PrivateKeyEncoding.PKCS8);

        assertThat(KeyMatch.matches(pair.getPublic(), Pem.parsePrivateKey(pem))).isTrue();
    }
}
