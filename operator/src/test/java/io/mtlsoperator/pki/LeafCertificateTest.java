package io.mtlsoperator.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class LeafCertificateTest {

    private final CaMaterial root = TestPki.root("Leaf Test Root");

    private X509Certificate issue(LeafRequest request) {
        return TestPki.issuer().leaf(request, TestPki.key("leaf").getPublic(), root);
    }

    private X509Certificate issue(LeafRequest request, PublicKey publicKey) {
        return TestPki.issuer().leaf(request, publicKey, root);
    }

    @Test
    void leafIsSignedByIssuer() throws Exception {
        X509Certificate leaf = issue(TestPki.serverRequest("a.example.com"));

        leaf.verify(root.certificate().getPublicKey());
        assertThat(leaf.getPublicKey()).isEqualTo(TestPki.key("leaf").getPublic());
        assertThat(leaf.getIssuerX500Principal()).isEqualTo(root.certificate().getSubjectX500Principal());
    }

    @Test
    void basicConstraintsAreCriticalAndNotCa() throws Exception {
        X509Certificate leaf = issue(TestPki.serverRequest("a.example.com"));

        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getCriticalExtensionOIDs()).contains(Extension.basicConstraints.getId());
        assertThat(leaf.getExtensionValue(Extension.basicConstraints.getId())).isNotNull();
    }

    @ParameterizedTest
    @CsvSource({
        "SERVER, 1.3.6.1.5.5.7.3.1, ",
        "CLIENT, 1.3.6.1.5.5.7.3.2, ",
        "SERVER_AND_CLIENT, 1.3.6.1.5.5.7.3.1, 1.3.6.1.5.5.7.3.2"
    })
    void extendedKeyUsageFollowsUsage(CertificateUsage usage, String first, String second) throws Exception {
        LeafRequest request = new LeafRequest(null, SubjectAlternativeNames.ofDnsNames("a.example.com"), usage, Duration.ofDays(1));

        List<String> purposes = issue(request).getExtendedKeyUsage();

        assertThat(purposes).containsExactlyElementsOf(second == null ? List.of(first) : List.of(first, second));
    }

    @Test
    void serverPurposeIsNotClientPurpose() throws Exception {
        assertThat(issue(TestPki.serverRequest("a.example.com")).getExtendedKeyUsage())
                .doesNotContain(KeyPurposeId.id_kp_clientAuth.getId());
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class)
    void serverKeyUsageIsDigitalSignaturePlusKeyEnciphermentForRsaOnly(KeyAlgorithm algorithm) {
        PublicKey publicKey = TestPki.key(KeySpec.of(algorithm, null), "leaf").getPublic();

        X509Certificate leaf = issue(TestPki.serverRequest("a.example.com"), publicKey);

        boolean[] keyUsage = leaf.getKeyUsage();
        assertThat(keyUsage[0]).as("digitalSignature").isTrue();
        assertThat(keyUsage[2]).as("keyEncipherment").isEqualTo(algorithm == KeyAlgorithm.RSA);
        assertThat(keyUsage[5]).as("keyCertSign").isFalse();
        assertThat(leaf.getCriticalExtensionOIDs()).contains(Extension.keyUsage.getId());
    }

    @ParameterizedTest
    @CsvSource({"CLIENT, false", "SERVER_AND_CLIENT, true"})
    void rsaKeyEnciphermentFollowsServerUse(CertificateUsage usage, boolean keyEncipherment) {
        PublicKey publicKey = TestPki.key(TestPki.RSA_2048, "leaf").getPublic();
        LeafRequest request = new LeafRequest(null, SubjectAlternativeNames.ofDnsNames("a.example.com"), usage, Duration.ofDays(1));

        boolean[] keyUsage = issue(request, publicKey).getKeyUsage();

        assertThat(keyUsage[0]).as("digitalSignature").isTrue();
        assertThat(keyUsage[2]).as("keyEncipherment").isEqualTo(keyEncipherment);
    }

    @Test
    void namesAreNormalized() {
        SubjectAlternativeNames names = new SubjectAlternativeNames(List.of("API.Example.com", "*.API.example.com"),
                List.of("0:0:0:0:0:0:0:1", "192.0.2.10"), List.of("SPIFFE://Cluster.Local/ns/a/sa/b"), List.of("ops@Example.com"));

        CertificateInfo info = CertificateInfo.of(issue(new LeafRequest(null, names, CertificateUsage.SERVER, Duration.ofDays(1))));

        assertThat(info.commonName()).isEqualTo("api.example.com");
        assertThat(info.dnsNames()).containsExactly("api.example.com", "*.api.example.com");
        assertThat(info.ipAddresses()).containsExactly("::1", "192.0.2.10");
        assertThat(info.uris()).containsExactly("spiffe://cluster.local/ns/a/sa/b");
        assertThat(info.emailAddresses()).containsExactly("ops@example.com");
    }

    @Test
    void sanIsCriticalWhenSubjectIsEmpty() {
        SubjectAlternativeNames names = new SubjectAlternativeNames(null, List.of("10.0.0.1"), null, null);

        X509Certificate leaf = issue(new LeafRequest(null, names, CertificateUsage.SERVER, Duration.ofDays(1)));

        assertThat(leaf.getSubjectX500Principal().getEncoded()).hasSize(2);
        assertThat(leaf.getCriticalExtensionOIDs()).contains(Extension.subjectAlternativeName.getId());
    }

    @Test
    void sanIsNotCriticalWhenSubjectIsSet() {
        X509Certificate leaf = issue(TestPki.serverRequest("a.example.com"));

        assertThat(leaf.getNonCriticalExtensionOIDs()).contains(Extension.subjectAlternativeName.getId());
    }

    @Test
    void commonNameOnlyClientHasNoSan() {
        LeafRequest request = new LeafRequest(SubjectName.ofCommonName("alice"), null, CertificateUsage.CLIENT, Duration.ofDays(1));

        X509Certificate leaf = issue(request);

        assertThat(leaf.getExtensionValue(Extension.subjectAlternativeName.getId())).isNull();
        assertThat(CertificateInfo.of(leaf).commonName()).isEqualTo("alice");
    }

    @Test
    void leafWithoutAnyNameIsRejected() {
        LeafRequest request = new LeafRequest(null, null, CertificateUsage.CLIENT, Duration.ofDays(1));

        assertThatThrownBy(() -> issue(request)).hasMessageStartingWith("the certificate has no name");
    }

    @Test
    void missingUsageIsRejected() {
        LeafRequest request = new LeafRequest(null, SubjectAlternativeNames.ofDnsNames("a.example.com"), null, Duration.ofDays(1));

        assertThatThrownBy(() -> issue(request)).hasMessageStartingWith("usage is missing");
    }

    @Test
    void invalidNameIsRejectedWithFieldAndIndex() {
        assertThatThrownBy(() -> issue(TestPki.serverRequest("ok.example.com", "bad_name.example.com")))
                .hasMessageStartingWith("dnsNames[1]: \"bad_name.example.com\" is not a valid DNS name");
    }

    @Test
    void longUserCommonNameIsRejected() {
        LeafRequest request = new LeafRequest(SubjectName.ofCommonName("c".repeat(70)),
                SubjectAlternativeNames.ofDnsNames("a.example.com"), CertificateUsage.SERVER, Duration.ofDays(1));

        assertThatThrownBy(() -> issue(request)).hasMessageStartingWith("commonName is 70 characters long");
    }

    @Test
    void longDerivedCommonNameIsOmitted() {
        String longName = "service-with-a-rather-long-name." + "namespace-with-a-long-name.svc.cluster.local";

        X509Certificate leaf = issue(TestPki.serverRequest(longName));

        assertThat(CertificateInfo.of(leaf).commonName()).isEmpty();
        assertThat(CertificateInfo.of(leaf).dnsNames()).containsExactly(longName);
        assertThat(leaf.getCriticalExtensionOIDs()).contains(Extension.subjectAlternativeName.getId());
    }

    @Test
    void validityFollowsDuration() {
        X509Certificate leaf = issue(TestPki.serverRequest("a.example.com"));

        assertThat(leaf.getNotBefore().toInstant()).isEqualTo(TestPki.NOW.minusSeconds(60));
        assertThat(leaf.getNotAfter().toInstant()).isEqualTo(TestPki.NOW.plus(Duration.ofDays(30)));
    }

    @Test
    void notAfterIsCappedAtTheIssuer() {
        LeafRequest request = new LeafRequest(null, SubjectAlternativeNames.ofDnsNames("a.example.com"), CertificateUsage.SERVER,
                Duration.ofDays(5000));

        assertThat(issue(request).getNotAfter()).isEqualTo(root.certificate().getNotAfter());
    }

    @Test
    void datesFrom2050AreGeneralizedTime() throws Exception {
        java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2049-06-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        CertificateIssuer issuer = new CertificateIssuer(clock);
        CaMaterial longRoot = issuer.selfSignedRoot(
                new CaRequest(SubjectName.ofCommonName("Long Root"), Duration.ofDays(3650), null, null), TestPki.key("long root"));

        X509Certificate leaf = issuer.leaf(new LeafRequest(null, SubjectAlternativeNames.ofDnsNames("a.example.com"),
                CertificateUsage.SERVER, Duration.ofDays(800)), TestPki.key("leaf").getPublic(), longRoot);

        Certificate asn1 = Certificate.getInstance(leaf.getEncoded());
        assertThat(asn1.getStartDate().toASN1Primitive()).isInstanceOf(ASN1UTCTime.class);
        assertThat(asn1.getEndDate().toASN1Primitive()).isInstanceOf(ASN1GeneralizedTime.class);
        assertThat(leaf.getNotAfter().toInstant()).isEqualTo(Instant.parse("2051-08-10T00:00:00Z"));
    }

    @Test
    void subjectEqualToIssuerIsRejected() {
        LeafRequest request = new LeafRequest(SubjectName.ofCommonName("Leaf Test Root"), null, CertificateUsage.CLIENT,
                Duration.ofDays(1));

        assertThatThrownBy(() -> issue(request)).hasMessageContaining("equals the subject of its issuer");
    }

    @Test
    void leafUnderIntermediateChainsToRoot() throws Exception {
        CaMaterial intermediate = TestPki.intermediate("Leaf Test Intermediate", root);

        X509Certificate leaf = TestPki.serverLeaf(intermediate, "a.example.com");

        new ChainVerifier(TestPki.CLOCK).verify(TestPki.chainOf(leaf, intermediate), root.certificate());
        assertThat(intermediate.intermediates()).containsExactly(intermediate.certificate());
    }
}
