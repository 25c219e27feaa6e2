package io.mtlsoperator.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RootCertificateTest {

    static List<KeySpec> specs() {
        return List.of(TestPki.EC_P256, TestPki.EC_P384, TestPki.RSA_2048, TestPki.ED25519);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void rootIsSelfSignedWithItsKey(KeySpec spec) throws Exception {
        KeyPair keyPair = TestPki.key(spec, "root");

        CaMaterial root = TestPki.issuer().selfSignedRoot(TestPki.caRequest("Root " + spec.algorithm()), keyPair);

        X509Certificate certificate = root.certificate();
        certificate.verify(keyPair.getPublic());
        assertThat(certificate.getSubjectX500Principal()).isEqualTo(certificate.getIssuerX500Principal());
        assertThat(certificate.getPublicKey()).isEqualTo(keyPair.getPublic());
        assertThat(root.chain()).containsExactly(certificate);
        assertThat(root.privateKey()).isSameAs(keyPair.getPrivate());
    }

    @Test
    void basicConstraintsAreCriticalCaWithPathLength() {
        CaRequest request = new CaRequest(SubjectName.ofCommonName("Root"), Duration.ofDays(1), 2, null);

        X509Certificate certificate = TestPki.root(request).certificate();

        assertThat(certificate.getBasicConstraints()).isEqualTo(2);
        assertThat(certificate.getCriticalExtensionOIDs()).contains(Extension.basicConstraints.getId());
    }

    @Test
    void withoutMaxPathLengthThePathIsUnlimited() {
        assertThat(TestPki.root("Root").certificate().getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void negativeMaxPathLengthIsRejected() {
        CaRequest request = new CaRequest(SubjectName.ofCommonName("Root"), Duration.ofDays(1), -1, null);

        assertThatThrownBy(() -> TestPki.root(request)).hasMessage("maxPathLength must be 0 or more, but is -1");
    }

    @Test
    void keyUsageIsCriticalCertSign() {
        X509Certificate certificate = TestPki.root("Root").certificate();

        boolean[] keyUsage = certificate.getKeyUsage();
        assertThat(keyUsage[5]).as("keyCertSign").isTrue();
        assertThat(keyUsage[6]).as("cRLSign").isTrue();
        assertThat(keyUsage[0]).as("digitalSignature").isFalse();
        assertThat(certificate.getCriticalExtensionOIDs()).contains(Extension.keyUsage.getId());
    }

    @Test
    void authorityKeyIdentifierEqualsSubjectKeyIdentifier() throws Exception {
        JcaX509CertificateHolder holder = new JcaX509CertificateHolder(TestPki.root("Root").certificate());

        SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(holder.getExtensions());
        AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(holder.getExtensions());

        assertThat(ski.getKeyIdentifier()).hasSize(20);
        assertThat(aki.getKeyIdentifierOctets()).isEqualTo(ski.getKeyIdentifier());
    }

    @Test
    void rootHasNoExtendedKeyUsage() throws Exception {
        assertThat(TestPki.root("Root").certificate().getExtendedKeyUsage()).isNull();
    }

    @Test
    void nameConstraintsAreWrittenCritical() {
        NameConstraints constraints = new NameConstraints(List.of("Example.com"), null, List.of("10.0.0.0/8"), null, null, null);
        CaRequest request = new CaRequest(SubjectName.ofCommonName("Constrained Root"), Duration.ofDays(1), null, constraints);

        X509Certificate certificate = TestPki.root(request).certificate();

        assertThat(certificate.getCriticalExtensionOIDs()).contains(Extension.nameConstraints.getId());
        org.bouncycastle.asn1.x509.NameConstraints written = NameConstraintsCodec.read(certificate).orElseThrow();
        assertThat(NameConstraintsCodec.describe(written.getPermittedSubtrees(), 2)).containsExactly("example.com");
        assertThat(NameConstraintsCodec.describe(written.getPermittedSubtrees(), 7)).containsExactly("10.0.0.0/8");
        assertThat(written.getExcludedSubtrees()).isNull();
    }

    @Test
    void withoutConstraintsThereIsNoNameConstraintsExtension() {
        assertThat(TestPki.root("Root").certificate().getExtensionValue(Extension.nameConstraints.getId())).isNull();
    }

    @Test
    void onlyTwoExtensionsAreCritical() {
        assertThat(TestPki.root("Root").certificate().getCriticalExtensionOIDs())
                .isEqualTo(Set.of(Extension.basicConstraints.getId(), Extension.keyUsage.getId()));
    }

    @Test
    void emptySubjectIsRejected() {
        CaRequest request = new CaRequest(null, Duration.ofDays(1), null, null);

        assertThatThrownBy(() -> TestPki.issuer().selfSignedRoot(request, TestPki.key("root")))
                .hasMessageStartingWith("subject is empty");
    }

    @Test
    void serialNumberIsPositiveAndAtMost20Octets() {
        X509Certificate certificate = TestPki.root("Root").certificate();

        assertThat(certificate.getSerialNumber().signum()).isPositive();
        assertThat(certificate.getSerialNumber().toByteArray().length).isLessThanOrEqualTo(20);
    }

    @Test
    void twoRootsGetDifferentSerialNumbers() {
        assertThat(TestPki.root("Root").certificate().getSerialNumber())
                .isNotEqualTo(TestPki.root("Root").certificate().getSerialNumber());
    }

    @Test
    void versionIsThree() {
        assertThat(TestPki.root("Root").certificate().getVersion()).isEqualTo(3);
    }
}
