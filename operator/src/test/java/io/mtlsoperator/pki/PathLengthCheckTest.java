package io.mtlsoperator.pki;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathLengthCheckTest {

    private static CaMaterial root(Integer maxPathLength) {
        return TestPki.root(new CaRequest(SubjectName.ofCommonName("Path Root " + maxPathLength), Duration.ofDays(10), maxPathLength, null));
    }

    @Test
    void unlimitedRootAllowsDeepChains() {
        CaMaterial first = TestPki.intermediate("First", root(null));
        CaMaterial second = TestPki.intermediate("Second", first);

        assertThatCode(() -> PathLengthCheck.checkIntermediateAllowed(second.chain())).doesNotThrowAnyException();
    }

    @Test
    void pathLengthOneAllowsOneIntermediate() {
        CaMaterial root = root(1);

        assertThatCode(() -> PathLengthCheck.checkIntermediateAllowed(root.chain())).doesNotThrowAnyException();
    }

    @Test
    void pathLengthOneForbidsASecondIntermediate() {
        CaMaterial first = TestPki.intermediate("First", root(1));

        assertThatThrownBy(() -> PathLengthCheck.checkIntermediateAllowed(first.chain()))
                .hasMessageContaining("allows 1 intermediate CA(s) below it, and the new one would be number 2");
    }

    @Test
    void pathLengthZeroForbidsAnyIntermediate() {
        assertThatThrownBy(() -> PathLengthCheck.checkIntermediateAllowed(root(0).chain()))
                .hasMessageContaining("pathLenConstraint is 0, so it may sign leaf certificates only");
    }

    @Test
    void nonCaInTheChainIsRejected() {
        CaMaterial root = root(null);
        java.security.cert.X509Certificate leaf = TestPki.serverLeaf(root, "a.example.com");

        assertThatThrownBy(() -> PathLengthCheck.checkIntermediateAllowed(List.of(leaf, root.certificate())))
                .hasMessageContaining("is not a CA certificate");
    }
}
