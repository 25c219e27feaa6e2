package io.mtlsoperator.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertificateInfoTest {

    private final CaMaterial root = TestPki.root("Info Root");

    private X509Certificate issue(LeafRequest request) {
        return TestPki.issuer().leaf(request, TestPki.key(TestPki.RSA_2048, "info").getPublic(), root);
    }

    @Test
    void namesReadBackEqualTheNormalizedRequest() {
        SubjectAlternativeNames requested = new SubjectAlternativeNames(List.of("WWW.Example.com", "bücher.example"),
                List.of("2001:DB8:0:0:0:0:0:1", "10.0.0.1"), List.of("spiffe://Cluster.local/ns/a/sa/b"), List.of("a@Example.com"));

        CertificateInfo info = CertificateInfo.of(issue(new LeafRequest(SubjectName.ofCommonName("web"), requested,
                CertificateUsage.SERVER, Duration.ofDays(1))));

        SubjectAlternativeNames normalized = requested.normalized();
        assertThat(info.commonName()).isEqualTo("web");
        assertThat(info.dnsNames()).isEqualTo(normalized.dnsNames());
        assertThat(info.ipAddresses()).containsExactly("2001:db8::1", "10.0.0.1");
        assertThat(info.uris()).isEqualTo(normalized.uris());
        assertThat(info.emailAddresses()).isEqualTo(normalized.emailAddresses());
    }

    @ParameterizedTest
    @EnumSource(CertificateUsage.class)
    void usageReadsBackAsIssued(CertificateUsage usage) {
        CertificateInfo info = CertificateInfo.of(issue(new LeafRequest(null, SubjectAlternativeNames.ofDnsNames("a.example.com"),
                usage, Duration.ofDays(1))));

        assertThat(info.usage()).contains(usage);
    }

    @Test
    void caHasNoUsageAndIsCa() {
        CertificateInfo info = CertificateInfo.of(root.certificate());

        assertThat(info.usage()).isEmpty();
        assertThat(info.isCa()).isTrue();
        assertThat(info.dnsNames()).isEmpty();
    }

    @Test
    void keySpecAndValidityAreRead() {
        CertificateInfo info = CertificateInfo.of(issue(TestPki.serverRequest("a.example.com")));

        assertThat(info.keySpec()).isEqualTo(TestPki.RSA_2048);
        assertThat(info.notBefore()).isEqualTo(TestPki.NOW.minusSeconds(60));
        assertThat(info.notAfter()).isEqualTo(TestPki.NOW.plus(Duration.ofDays(30)));
        assertThat(info.isCa()).isFalse();
    }

    @Test
    void serialIsEvenLengthUpperHex() {
        X509Certificate certificate = issue(TestPki.serverRequest("a.example.com"));

        String hex = CertificateInfo.of(certificate).serialNumberHex();

        assertThat(hex).matches("([0-9A-F]{2})+");
        assertThat(new BigInteger(hex, 16)).isEqualTo(certificate.getSerialNumber());
    }

    @Test
    void fingerprintIsColonSeparatedSha256() throws Exception {
        X509Certificate certificate = root.certificate();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());

        String fingerprint = CertificateInfo.of(certificate).sha256Fingerprint();

        assertThat(fingerprint).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(HexFormat.ofDelimiter(":").parseHex(fingerprint)).isEqualTo(digest);
    }

    @Test
    void missingCommonNameReadsAsEmpty() {
        SubjectAlternativeNames names = new SubjectAlternativeNames(null, List.of("10.0.0.1"), null, null);

        assertThat(CertificateInfo.of(issue(new LeafRequest(null, names, CertificateUsage.CLIENT, Duration.ofDays(1)))).commonName())
                .isEmpty();
    }
}
