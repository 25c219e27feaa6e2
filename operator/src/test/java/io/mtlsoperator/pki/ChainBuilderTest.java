package io.mtlsoperator.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainBuilderTest {

    private final CaMaterial root = TestPki.root("Builder Root");
    private final CaMaterial intermediate = TestPki.intermediate("Builder Intermediate", root);
    private final X509Certificate leaf = TestPki.serverLeaf(intermediate, "a.example.com");

    @Test
    void shuffledCandidatesAreOrderedFromLeafToRoot() {
        List<X509Certificate> chain = ChainBuilder.build(leaf, List.of(root.certificate(), leaf, intermediate.certificate()));

        assertThat(chain).containsExactly(leaf, intermediate.certificate(), root.certificate());
        assertThat(ChainBuilder.isSelfSigned(chain.get(2))).isTrue();
    }

    @Test
    void chainStopsWhereTheIssuerIsMissing() {
        List<X509Certificate> chain = ChainBuilder.build(leaf, List.of(intermediate.certificate()));

        assertThat(chain).containsExactly(leaf, intermediate.certificate());
        assertThat(ChainBuilder.isSelfSigned(chain.get(1))).isFalse();
    }

    @Test
    void signatureSelectsAmongSameNamedRoots() {
        CaMaterial newRoot = TestPki.issuer().selfSignedRoot(TestPki.caRequest("Builder Root"), TestPki.key("rotated"));

        List<X509Certificate> chain = ChainBuilder.build(intermediate.certificate(), List.of(newRoot.certificate(), root.certificate()));

        assertThat(chain).containsExactly(intermediate.certificate(), root.certificate());
    }

    @Test
    void leafIsNotSelfSigned() {
        assertThat(ChainBuilder.isSelfSigned(leaf)).isFalse();
        assertThat(ChainBuilder.isSelfSigned(root.certificate())).isTrue();
    }
}
