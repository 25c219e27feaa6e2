package io.mtlsoperator.pki.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlsoperator.pki.CertificateInfo;
import io.mtlsoperator.pki.KeyAlgorithm;
import io.mtlsoperator.pki.Names;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code openssl x509} reads back what we wrote: serial, fingerprint, extensions and names. */
class OpenSslCertificateFieldsInteropTest {

    private static String x509(Path certificate, String... options) {
        List<String> command = new java.util.ArrayList<>(List.of(InteropTools.openssl(), "x509", "-in", certificate.toString(), "-noout"));
        command.addAll(Arrays.asList(options));
        ExternalProcess.Result result = ExternalProcess.run(command, Duration.ofSeconds(30));
        assertThat(result.exitCode()).as(result.describe()).isZero();
        return result.stdout();
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#leaves")
    void serialAndFingerprintMatchCertificateInfo(KeyProfile profile, LeafRole role) {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);
        CertificateInfo info = CertificateInfo.of(hierarchy.leaf(role));

        String output = x509(hierarchy.leafFile(role), "-serial", "-fingerprint", "-sha256");

        assertThat(output).contains("serial=" + info.serialNumberHex());
        assertThat(output).contains("Fingerprint=" + info.sha256Fingerprint());
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void intermediateExtensionsReadAsWritten(KeyProfile profile) {
        String text = x509(InteropHierarchy.of(profile).intermediateFile(), "-text");

        assertThat(text).containsPattern("X509v3 Basic Constraints: critical\\s+CA:TRUE, pathlen:0");
        assertThat(text).containsPattern("X509v3 Key Usage: critical\\s+Certificate Sign, CRL Sign");
        assertThat(text).containsPattern("X509v3 Name Constraints: critical");
        assertThat(text).contains("DNS:example.test", "DNS:localhost", "IP:127.0.0.0/255.0.0.0", "URI:example.test");
        assertThat(text).contains("X509v3 Subject Key Identifier", "X509v3 Authority Key Identifier");
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void serverLeafExtensionsReadAsWritten(KeyProfile profile) {
        String text = x509(InteropHierarchy.of(profile).leafFile(LeafRole.SERVER), "-text");

        assertThat(text).containsPattern("X509v3 Basic Constraints: critical\\s+CA:FALSE");
        String keyUsage = profile.keySpec().algorithm() == KeyAlgorithm.RSA ? "Digital Signature, Key Encipherment" : "Digital Signature";
        assertThat(text).containsPattern("X509v3 Key Usage: critical\\s+" + keyUsage + "\\n");
        assertThat(text).containsPattern("X509v3 Extended Key Usage:\\s+TLS Web Server Authentication\\n");
        assertThat(text).contains("Subject: CN = server.example.test");
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void subjectAlternativeNamesReadAsWritten(KeyProfile profile) {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);
        CertificateInfo info = CertificateInfo.of(hierarchy.leaf(LeafRole.SERVER));

        String text = x509(hierarchy.leafFile(LeafRole.SERVER), "-ext", "subjectAltName");

        Matcher ipMatcher = Pattern.compile("IP Address:([0-9A-Fa-f:.]+)").matcher(text);
        List<String> opensslIps = new java.util.ArrayList<>();
        while (ipMatcher.find()) {
            opensslIps.add(Names.canonicalIpAddress(ipMatcher.group(1)));
        }
        assertThat(opensslIps).isEqualTo(info.ipAddresses());
        assertThat(text).contains("DNS:server.example.test", "DNS:localhost", "URI:spiffe://example.test/ns/interop/sa/server");
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void sanIsCriticalForTheLeafWithoutSubject(KeyProfile profile) {
        String text = x509(InteropHierarchy.of(profile).leafFile(LeafRole.SERVER_WITHOUT_SUBJECT), "-text");

        assertThat(text).containsPattern("Subject:\\s*\\n");
        assertThat(text).contains("X509v3 Subject Alternative Name: critical");
    }
}
