package io.mtlsoperator.pki.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * zlint's RFC 5280 lints (source RFC5280, zlint v3.7.3 as a library in the Go checker) find no
 * warning and no error in any certificate we issue.
 */
class ZlintInteropTest {

    /** Lints that do not apply to what the operator issues, each with the reason; empty while none is excluded. */
    private static final Map<String, String> INAPPLICABLE_LINTS = Map.of();

    private static final List<String> FAILING_STATUSES = List.of("warn", "error", "fatal");

    @TempDir
    static Path directory;

    static Stream<Arguments> certificates() {
        return InteropCases.profiles().flatMap(profile -> {
            InteropHierarchy hierarchy = InteropHierarchy.of(profile);
            Stream<Arguments> cas = Stream.of(
                    Arguments.of(profile, "root", hierarchy.root.certificate()),
                    Arguments.of(profile, "intermediate", hierarchy.intermediate.certificate()));
            Stream<Arguments> leaves = Stream.of(LeafRole.values())
                    .map(role -> Arguments.of(profile, role.fileName(), hierarchy.leaf(role)));
            return Stream.concat(cas, leaves);
        });
    }

    /** Runs the RFC 5280 lints and returns one {status, lint, details} triple per lint. */
    private static List<String[]> lint(String name, byte[] der) throws IOException {
        Path file = directory.resolve(name + ".pem");
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END CERTIFICATE-----\n");

        ExternalProcess.Result result = ExternalProcess.run(
                List.of(InteropTools.goChecker().toString(), "lint", "-cert", file.toString(), "-source", "RFC5280"),
                Duration.ofSeconds(60));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        return result.stdout().lines().map(line -> line.split("\t", 3)).toList();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("certificates")
    void rfc5280LintsFindNothing(KeyProfile profile, String name, X509Certificate certificate) throws Exception {
        List<String[]> findings = lint(profile.name() + "-" + name, certificate.getEncoded());

        assertThat(findings).as("zlint ran no RFC 5280 lint").isNotEmpty();
        assertThat(findings.stream().filter(finding -> finding[0].equals("pass")).count())
                .as("lints that passed").isGreaterThan(10);
        List<String> failures = findings.stream()
                .filter(finding -> FAILING_STATUSES.contains(finding[0]))
                .filter(finding -> !INAPPLICABLE_LINTS.containsKey(finding[1]))
                .map(finding -> String.join(" ", finding))
                .toList();
        assertThat(failures).as("RFC 5280 findings for " + profile + " " + name).isEmpty();
    }

    @Test
    void nonCriticalSanWithEmptySubjectIsReported() throws Exception {
        // A certificate the issuer would never make, to show that the lint run can fail.
        InteropHierarchy hierarchy = InteropHierarchy.of(KeyProfile.EC_P256);
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                X500Name.getInstance(hierarchy.intermediate.certificate().getSubjectX500Principal().getEncoded()),
                BigInteger.valueOf(4242), Date.from(Instant.now().minusSeconds(60)), Date.from(Instant.now().plusSeconds(3600)),
                new X500Name(new RDN[0]), SubjectPublicKeyInfo.getInstance(hierarchy.leafKey.getPublic().getEncoded()));
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, "server.example.test")));
        // The JDK refuses to parse this certificate at all, so it stays in Bouncy Castle's holder.
        byte[] broken = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(hierarchy.intermediate.privateKey()))
                .getEncoded();

        List<String> failures = lint("broken", broken).stream()
                .filter(finding -> FAILING_STATUSES.contains(finding[0]))
                .map(finding -> finding[1])
                .toList();

        assertThat(failures).contains("e_ext_san_not_critical_without_subject");
    }
}
