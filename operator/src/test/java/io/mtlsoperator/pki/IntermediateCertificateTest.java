package io.mtlsoperator.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.Test;

class IntermediateCertificateTest {

    @Test
    void intermediateIsSignedByItsIssuer() throws Exception {
        CaMaterial root = TestPki.root("Root");

        CaMaterial intermediate = TestPki.intermediate("Intermediate", root);

        intermediate.certificate().verify(root.certificate().getPublicKey());
        assertThat(intermediate.certificate().getIssuerX500Principal()).isEqualTo(root.certificate().getSubjectX500Principal());
        assertThat(intermediate.chain()).containsExactly(intermediate.certificate(), root.certificate());
        assertThat(intermediate.certificate().getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void akiMatchesIssuerSki() throws Exception {
        CaMaterial root = TestPki.root("Root");
        CaMaterial intermediate = TestPki.intermediate("Intermediate", root);

        byte[] rootSki = SubjectKeyIdentifier.fromExtensions(new JcaX509CertificateHolder(root.certificate()).getExtensions())
                .getKeyIdentifier();
        AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(
                new JcaX509CertificateHolder(intermediate.certificate()).getExtensions());

        assertThat(aki.getKeyIdentifierOctets()).isEqualTo(rootSki);
        assertThat(aki.getAuthorityCertIssuer()).isNull();
    }

    @Test
    void intermediateUnderPathLengthZeroRootIsRejected() {
        CaMaterial root = TestPki.root(new CaRequest(SubjectName.ofCommonName("Leaf-only Root"), Duration.ofDays(10), 0, null));

        assertThatThrownBy(() -> TestPki.intermediate("Intermediate", root))
                .isInstanceOf(PkiException.class)
                .hasMessage("cannot issue an intermediate CA under \"CN=Leaf-only Root\": its basicConstraints "
                        + "pathLenConstraint is 0, so it may sign leaf certificates only");
    }

    @Test
    void pathLengthOneBlocksSecondIntermediate() {
        CaMaterial root = TestPki.root(new CaRequest(SubjectName.ofCommonName("One-level Root"), Duration.ofDays(10), 1, null));
        CaMaterial first = TestPki.intermediate("First", root);

        assertThatThrownBy(() -> TestPki.intermediate("Second", first))
                .hasMessageContaining("\"CN=One-level Root\" higher in the chain has basicConstraints pathLenConstraint 1");
    }

    @Test
    void intermediateWithItsOwnPathLengthIsWritten() {
        CaMaterial root = TestPki.root("Root");
        CaRequest request = new CaRequest(SubjectName.ofCommonName("Issuing CA"), Duration.ofDays(10), 0, null);

        CaMaterial intermediate = TestPki.issuer().intermediate(request, TestPki.key("issuing"), root);

        assertThat(intermediate.certificate().getBasicConstraints()).isZero();
    }

    @Test
    void notAfterIsCappedAtTheIssuer() {
        CaMaterial root = TestPki.root(new CaRequest(SubjectName.ofCommonName("Short Root"), Duration.ofDays(2), null, null));
        CaRequest longRequest = new CaRequest(SubjectName.ofCommonName("Long Intermediate"), Duration.ofDays(365), null, null);

        CaMaterial intermediate = TestPki.issuer().intermediate(longRequest, TestPki.key("long"), root);

        assertThat(intermediate.certificate().getNotAfter()).isEqualTo(root.certificate().getNotAfter());
    }

    @Test
    void subjectEqualToIssuerIsRejected() {
        CaMaterial root = TestPki.root("Same Name");

        assertThatThrownBy(() -> TestPki.intermediate("Same Name", root))
                .hasMessageContaining("equals the subject of its issuer");
    }

    @Test
    void mismatchedIssuerKeyIsRejected() {
        CaMaterial root = TestPki.root("Root");
        CaMaterial wrongKey = new CaMaterial(root.certificate(), TestPki.key("unrelated").getPrivate(), root.chain());

        assertThatThrownBy(() -> TestPki.intermediate("Intermediate", wrongKey))
                .hasMessageStartingWith("the CA private key does not match the CA certificate");
    }

    @Test
    void expiredIssuerIsRejected() {
        CaMaterial root = TestPki.root("Root");
        Clock later = Clock.fixed(TestPki.NOW.plus(Duration.ofDays(400)), ZoneOffset.UTC);

        assertThatThrownBy(() -> new CertificateIssuer(later).intermediate(TestPki.caRequest("Late"), TestPki.key("late"), root))
                .hasMessageContaining("expired at");
    }

    @Test
    void leafCertificateCannotIssue() {
        CaMaterial root = TestPki.root("Root");
        X509Certificate leaf = TestPki.serverLeaf(root, "a.example.com");
        CaMaterial notACa = new CaMaterial(leaf, TestPki.key("leaf").getPrivate(), TestPki.chainOf(leaf, root));

        assertThatThrownBy(() -> TestPki.intermediate("Intermediate", notACa))
                .hasMessage("\"CN=a.example.com\" is not a CA certificate: basicConstraints CA is false or missing");
    }
}
