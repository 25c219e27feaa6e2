package io.mtlsoperator.pki;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private final ChainVerifier verifier = new ChainVerifier(TestPki.CLOCK);
    private final CaMaterial root = TestPki.root("Verifier Root");
    private final CaMaterial intermediate = TestPki.intermediate("Verifier Intermediate", root);
    private final X509Certificate leaf = TestPki.serverLeaf(intermediate, "a.example.com");

    @Test
    void chainFromLeafToRootVerifies() {
        assertThatCode(() -> verifier.verify(List.of(leaf, intermediate.certificate()), root.certificate()))
                .doesNotThrowAnyException();
    }

    @Test
    void chainEndingWithTheAnchorVerifies() {
        assertThatCode(() -> verifier.verify(List.of(leaf, intermediate.certificate(), root.certificate()), root.certificate()))
                .doesNotThrowAnyException();
    }

    @Test
    void rootAloneVerifiesAgainstItself() {
        assertThatCode(() -> verifier.verify(List.of(root.certificate()), root.certificate())).doesNotThrowAnyException();
    }

    @Test
    void missingIntermediateIsNamed() {
        assertThatThrownBy(() -> verifier.verify(List.of(leaf), root.certificate()))
                .isInstanceOf(PkiException.class)
                .hasMessage("certificate 0 \"CN=a.example.com\" names the issuer \"CN=Verifier Intermediate\", "
                        + "but the next certificate is \"CN=Verifier Root\"");
    }

    @Test
    void otherAnchorWithTheSameNameIsRejected() {
        CaMaterial impostor = TestPki.issuer().selfSignedRoot(TestPki.caRequest("Verifier Root"), TestPki.key("impostor"));

        assertThatThrownBy(() -> verifier.verify(List.of(leaf, intermediate.certificate()), impostor.certificate()))
                .hasMessage("certificate 1 \"CN=Verifier Intermediate\" was not signed by the key of \"CN=Verifier Root\"");
    }

    @Test
    void expiredLeafIsRejectedAtTheClockTime() {
        ChainVerifier later = new ChainVerifier(Clock.fixed(TestPki.NOW.plus(Duration.ofDays(31)), ZoneOffset.UTC));

        assertThatThrownBy(() -> later.verify(List.of(leaf, intermediate.certificate()), root.certificate()))
                .hasMessageStartingWith("the certificate chain is invalid at certificate 0 \"CN=a.example.com\"");
    }

    @Test
    void nonCaIntermediateIsRejected() {
        X509Certificate notACa = HandMadeCertificates.issuedBy("CN=Not A CA", TestPki.key("not a ca").getPublic(), root)
                .extension(Extension.basicConstraints, true, new BasicConstraints(false))
                .build();
        CaMaterial fakeIssuer = new CaMaterial(notACa, TestPki.key("not a ca").getPrivate(), List.of(notACa, root.certificate()));
        X509Certificate below = HandMadeCertificates.issuedBy("CN=Below", TestPki.key("below").getPublic(), fakeIssuer).build();

        assertThatThrownBy(() -> verifier.verify(List.of(below, notACa), root.certificate()))
                .hasMessageContaining("the certificate chain is invalid");
    }

    @Test
    void nameConstraintsOfTheAnchorAreApplied() {
        NameConstraints constraints = new NameConstraints(List.of("example.com"), null, null, null, null, null);
        CaMaterial constrained = TestPki.root(new CaRequest(SubjectName.ofCommonName("Constrained Anchor"), Duration.ofDays(30),
                null, constraints));
        X509Certificate outside = HandMadeCertificates.issuedBy("CN=outside", TestPki.key("outside").getPublic(), constrained)
                .extension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, "evil.org")))
                .build();

        assertThatThrownBy(() -> verifier.verify(List.of(outside), constrained.certificate()))
                .hasMessageContaining("dnsNames \"evil.org\" is outside the name constraints of CA \"CN=Constrained Anchor\"");
    }

    @Test
    void emptyChainIsRejected() {
        assertThatThrownBy(() -> verifier.verify(List.of(), root.certificate())).hasMessage("the certificate chain is empty");
    }
}
