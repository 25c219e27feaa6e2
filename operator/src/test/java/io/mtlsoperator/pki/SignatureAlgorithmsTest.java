package io.mtlsoperator.pki;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignatureAlgorithmsTest {

    @Test
    void digestMatchesTheKeyStrength() {
        assertThat(SignatureAlgorithms.forSigningKey(TestPki.key(TestPki.EC_P256, "sig").getPrivate())).isEqualTo("SHA256withECDSA");
        assertThat(SignatureAlgorithms.forSigningKey(TestPki.key(TestPki.EC_P384, "sig").getPrivate())).isEqualTo("SHA384withECDSA");
        assertThat(SignatureAlgorithms.forSigningKey(TestPki.key(TestPki.RSA_2048, "sig").getPrivate())).isEqualTo("SHA256withRSA");
        assertThat(SignatureAlgorithms.forSigningKey(TestPki.key(TestPki.ED25519, "sig").getPrivate())).isEqualTo("Ed25519");
    }

    @Test
    void certificateUsesIssuerAlgorithm() {
        CaMaterial root = TestPki.issuer().selfSignedRoot(TestPki.caRequest("P-384 Root"), TestPki.key(TestPki.EC_P384, "sig"));

        assertThat(root.certificate().getSigAlgName()).isEqualTo("SHA384withECDSA");
    }
}
