package io.mtlsoperator.pki.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Go's crypto/x509 Verify, with the extended key usage a Go TLS peer would require, judges the chains. */
class GoX509InteropTest {

    private static ExternalProcess.Result verify(Path anchor, Path chain, String usage, String dnsName) {
        List<String> command = new ArrayList<>(List.of(InteropTools.goChecker().toString(), "verify",
                "-anchor", anchor.toString(), "-chain", chain.toString(), "-usage", usage));
        if (dnsName != null) {
            command.addAll(List.of("-dns-name", dnsName));
        }
        return ExternalProcess.run(command, Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#leaves")
    void chainVerifiesWithTheUsageOfTheLeaf(KeyProfile profile, LeafRole role) {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);

        if (role.servesTls()) {
            ExternalProcess.Result server = verify(hierarchy.rootFile(), hierarchy.chainFile(role), "server", null);
            assertThat(server.exitCode()).as(server.describe()).isZero();
            assertThat(server.stdout()).as(server.describe()).startsWith("verified: ");
        }
        if (role.authenticatesClients()) {
            ExternalProcess.Result client = verify(hierarchy.rootFile(), hierarchy.chainFile(role), "client", null);
            assertThat(client.exitCode()).as(client.describe()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void serverLeafMatchesItsHostNamesAndAddresses(KeyProfile profile) {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);

        for (String name : List.of("server.example.test", "localhost", "127.0.0.1", "::1")) {
            ExternalProcess.Result result = verify(hierarchy.rootFile(), hierarchy.chainFile(LeafRole.SERVER), "server", name);
            assertThat(result.exitCode()).as(result.describe()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void serverLeafDoesNotMatchAnotherHost(KeyProfile profile) {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);

        ExternalProcess.Result result = verify(hierarchy.rootFile(), hierarchy.chainFile(LeafRole.SERVER), "server", "other.example.test");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.stdout()).as(result.describe()).contains("certificate is valid for");
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void serverLeafIsRejectedForClientUsage(KeyProfile profile) {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);

        ExternalProcess.Result result = verify(hierarchy.rootFile(), hierarchy.chainFile(LeafRole.SERVER), "client", null);

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.stdout()).as(result.describe()).contains("incompatible key usage");
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void leafOfAnotherCaIsRejected(KeyProfile profile) {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);

        ExternalProcess.Result result = verify(hierarchy.rootFile(), hierarchy.foreignClientFile(), "client", null);

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.stdout()).as(result.describe()).contains("certificate signed by unknown authority");
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void intermediateVerifiesUnderTheRoot(KeyProfile profile) {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);

        ExternalProcess.Result result = verify(hierarchy.rootFile(), hierarchy.intermediateFile(), "any", null);

        assertThat(result.exitCode()).as(result.describe()).isZero();
    }
}
