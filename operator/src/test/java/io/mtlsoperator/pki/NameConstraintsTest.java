package io.mtlsoperator.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameConstraintsTest {

    @Test
    void noneIsEmpty() {
        assertThat(NameConstraints.none().isEmpty()).isTrue();
    }

    @Test
    void oneExcludedRangeMakesItNonEmpty() {
        assertThat(new NameConstraints(null, null, null, List.of("10.0.0.0/8"), null, null).isEmpty()).isFalse();
    }

    @Test
    void normalizedLowerCasesDomainsAndCanonicalizesRanges() {
        NameConstraints constraints = new NameConstraints(
                List.of(".Example.COM", "Bücher.example"), List.of("Bad.Example.com"),
                List.of("FD00:0::/8"), List.of("10.0.0.0/8"),
                List.of("Cluster.Local"), List.of(".Evil.Example"));

        NameConstraints normalized = constraints.normalized();

        assertThat(normalized.permittedDnsDomains()).containsExactly(".example.com", "xn--bcher-kva.example");
        assertThat(normalized.excludedDnsDomains()).containsExactly("bad.example.com");
        assertThat(normalized.permittedIpRanges()).containsExactly("fd00::/8");
        assertThat(normalized.excludedIpRanges()).containsExactly("10.0.0.0/8");
        assertThat(normalized.permittedUriDomains()).containsExactly("cluster.local");
        assertThat(normalized.excludedUriDomains()).containsExactly(".evil.example");
    }

    @Test
    void invalidRangeIsReportedWithField() {
        NameConstraints constraints = new NameConstraints(null, null, List.of("10.0.0.0/8", "10.0.0.1/8"), null, null, null);

        assertThatThrownBy(constraints::normalized).hasMessageStartingWith("permittedIpRanges[1]: ");
    }

    @Test
    void wildcardDomainIsRejected() {
        NameConstraints constraints = new NameConstraints(List.of("*.example.com"), null, null, null, null, null);

        assertThatThrownBy(constraints::normalized).hasMessageStartingWith("permittedDnsDomains[0]: ");
    }
}
