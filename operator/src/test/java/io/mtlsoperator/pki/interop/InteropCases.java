package io.mtlsoperator.pki.interop;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Argument sources for the parameterized interop tests. */
final class InteropCases {

    private InteropCases() {
    }

    static Stream<KeyProfile> profiles() {
        return Arrays.stream(KeyProfile.values());
    }

    /** Returns every profile with every leaf role. */
    static Stream<Arguments> leaves() {
        return profiles().flatMap(profile -> Arrays.stream(LeafRole.values()).map(role -> Arguments.of(profile, role)));
    }
}
