package io.mtlsoperator.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaMaterialTest {

    private final CaMaterial root = TestPki.root("Material Root");
    private final CaMaterial intermediate = TestPki.intermediate("Material Intermediate", root);

    @Test
    void rootIsTheLastOfTheChain() {
        assertThat(intermediate.root()).isEqualTo(root.certificate());
        assertThat(root.root()).isEqualTo(root.certificate());
    }

    @Test
    void intermediatesAreTheChainWithoutTheRoot() {
        assertThat(intermediate.intermediates()).containsExactly(intermediate.certificate());
        assertThat(root.intermediates()).isEmpty();
    }

    @Test
    void chainMustStartWithTheCertificate() {
        assertThatThrownBy(() -> new CaMaterial(intermediate.certificate(), intermediate.privateKey(), List.of(root.certificate())))
                .hasMessageContaining("must start with its own certificate");
    }

    @Test
    void missingChainDefaultsToTheCertificate() {
        assertThat(new CaMaterial(root.certificate(), root.privateKey(), null).chain()).containsExactly(root.certificate());
    }

    @Test
    void toStringLeavesOutThePrivateKey() {
        String text = intermediate.toString();
        String encodedKey = Base64.getEncoder().encodeToString(intermediate.privateKey().getEncoded());

        assertThat(text).isEqualTo("CaMaterial[subject=CN=Material Intermediate, chainLength=2]");
        assertThat(text).doesNotContain(encodedKey.substring(0, 20));
    }
}
