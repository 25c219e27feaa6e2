package io.mtlsoperator.pki.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code openssl verify} (OpenSSL 3) judges the chains, with the root as the only trust anchor. */
class OpenSslVerifyInteropTest {

    private static ExternalProcess.Result verify(Path trusted, Path untrusted, String purpose, Path certificate) {
        List<String> command = new ArrayList<>(List.of(InteropTools.openssl(), "verify", "-x509_strict", "-CAfile", trusted.toString()));
        if (untrusted != null) {
            command.addAll(List.of("-untrusted", untrusted.toString()));
        }
        if (purpose != null) {
            command.addAll(List.of("-purpose", purpose));
        }
        command.add(certificate.toString());
        return ExternalProcess.run(command, Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void rootVerifiesAgainstItself(KeyProfile profile) {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);

        ExternalProcess.Result result = verify(hierarchy.rootFile(), null, null, hierarchy.rootFile());

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).as(result.describe()).contains(": OK");
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void intermediateVerifiesAgainstTheRoot(KeyProfile profile) {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);

        ExternalProcess.Result result = verify(hierarchy.rootFile(), null, null, hierarchy.intermediateFile());

        assertThat(result.exitCode()).as(result.describe()).isZero();
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#leaves")
    void leafVerifiesForItsPurpose(KeyProfile profile, LeafRole role) {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);

        if (role.servesTls()) {
            ExternalProcess.Result server = verify(hierarchy.rootFile(), hierarchy.intermediateFile(), "sslserver", hierarchy.leafFile(role));
            assertThat(server.exitCode()).as(server.describe()).isZero();
            assertThat(server.stdout()).as(server.describe()).contains(": OK");
        }
        if (role.authenticatesClients()) {
            ExternalProcess.Result client = verify(hierarchy.rootFile(), hierarchy.intermediateFile(), "sslclient", hierarchy.leafFile(role));
            assertThat(client.exitCode()).as(client.describe()).isZero();
            assertThat(client.stdout()).as(client.describe()).contains(": OK");
        }
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void serverLeafIsRejectedAsClient(KeyProfile profile) {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);

        ExternalProcess.Result result = verify(hierarchy.rootFile(), hierarchy.intermediateFile(), "sslclient",
                hierarchy.leafFile(LeafRole.SERVER));

        assertThat(result.exitCode()).as(result.describe()).isNotZero();
        assertThat(result.output()).as(result.describe()).contains("unsuitable certificate purpose");
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void clientLeafIsRejectedAsServer(KeyProfile profile) {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);

        ExternalProcess.Result result = verify(hierarchy.rootFile(), hierarchy.intermediateFile(), "sslserver",
                hierarchy.leafFile(LeafRole.CLIENT));

        assertThat(result.exitCode()).as(result.describe()).isNotZero();
        assertThat(result.output()).as(result.describe()).contains("unsuitable certificate purpose");
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void leafOfAnotherCaIsRejected(KeyProfile profile) {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);

        ExternalProcess.Result result = verify(hierarchy.rootFile(), hierarchy.intermediateFile(), "sslclient",
                hierarchy.foreignClientFile());

        assertThat(result.exitCode()).as(result.describe()).isNotZero();
        assertThat(result.output()).as(result.describe()).contains("unable to get local issuer certificate");
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void leafWithoutItsIntermediateIsRejected(KeyProfile profile) {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);

        ExternalProcess.Result result = verify(hierarchy.rootFile(), null, "sslserver", hierarchy.leafFile(LeafRole.SERVER));

        assertThat(result.exitCode()).as(result.describe()).isNotZero();
    }
}
