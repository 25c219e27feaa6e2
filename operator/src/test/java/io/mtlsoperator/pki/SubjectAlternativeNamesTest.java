package io.mtlsoperator.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubjectAlternativeNamesTest {

    @Test
    void nullListsAreEmpty() {
        SubjectAlternativeNames names = new SubjectAlternativeNames(null, null, null, null);

        assertThat(names.isEmpty()).isTrue();
        assertThat(names.dnsNames()).isEmpty();
    }

    @Test
    void anyNameMakesItNonEmpty() {
        assertThat(new SubjectAlternativeNames(null, null, null, List.of("a@example.com")).isEmpty()).isFalse();
    }

    @Test
    void normalizedKeepsOrderAndDropsDuplicates() {
        SubjectAlternativeNames names = new SubjectAlternativeNames(
                List.of("B.example.com", "a.example.com", "b.example.com."),
                List.of("0:0:0:0:0:0:0:1", "::1", "10.0.0.1"),
                List.of("SPIFFE://Cluster.Local/ns/a/sa/b"),
                List.of("Ops@Example.com"));

        SubjectAlternativeNames normalized = names.normalized();

        assertThat(normalized.dnsNames()).containsExactly("b.example.com", "a.example.com");
        assertThat(normalized.ipAddresses()).containsExactly("::1", "10.0.0.1");
        assertThat(normalized.uris()).containsExactly("spiffe://cluster.local/ns/a/sa/b");
        assertThat(normalized.emailAddresses()).containsExactly("Ops@example.com");
    }

    @Test
    void invalidNameIsReportedWithFieldAndIndex() {
        SubjectAlternativeNames names = new SubjectAlternativeNames(null, List.of("10.0.0.1", "10.0.0.300"), null, null);

        assertThatThrownBy(names::normalized)
                .isInstanceOf(PkiException.class)
                .hasMessageStartingWith("ipAddresses[1]: \"10.0.0.300\" is not a valid IP address");
    }

    @Test
    void nullElementIsRejectedWithFieldAndIndex() {
        assertThatThrownBy(() -> new SubjectAlternativeNames(Arrays.asList("a.example.com", null), null, null, null))
                .isInstanceOf(PkiException.class)
                .hasMessage("dnsNames[1] is null");
    }

    @Test
    void listsAreCopied() {
        List<String> dnsNames = new java.util.ArrayList<>(List.of("a.example.com"));
        SubjectAlternativeNames names = new SubjectAlternativeNames(dnsNames, null, null, null);

        dnsNames.add("b.example.com");

        assertThat(names.dnsNames()).containsExactly("a.example.com");
    }
}
