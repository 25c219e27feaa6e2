package io.mtlsoperator.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @ParameterizedTest
    @CsvSource({
        "API.Example.COM, api.example.com",
        "example.com., example.com",
        "*.Example.com, *.example.com",
        "bücher.example, xn--bcher-kva.example",
        "ÄPFEL.example, xn--pfel-koa.example",
        "localhost, localhost",
        "my-service.my-namespace.svc.cluster.local, my-service.my-namespace.svc.cluster.local"
    })
    void dnsNameIsNormalized(String input, String expected) {
        assertThat(Names.normalizeDnsName(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "foo.*.example.com | a wildcard '*' is allowed only as the whole left-most label",
        "f*o.example.com   | a wildcard '*' is allowed only as the whole left-most label",
        "*                 | a wildcard '*' is allowed only as the whole left-most label",
        "*.*.example.com   | a wildcard '*' is allowed only as the whole left-most label",
        "a..b              | empty label",
        "under_score.com   | only letters, digits, hyphens and dots are allowed",
        "-leading.com      | must not start or end with a hyphen",
        "with space.com    | only letters, digits, hyphens and dots are allowed",
        "10.0.0.1          | it is an IP address",
        ".                 | it has no label"
    })
    void invalidDnsNameIsRejectedWithReason(String input, String reason) {
        assertThatThrownBy(() -> Names.normalizeDnsName(input))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("\"" + input + "\" is not a valid DNS name")
                .hasMessageContaining(reason);
    }

    @Test
    void dnsLabelOver63CharactersIsRejected() {
        String name = "a".repeat(64) + ".example.com";

        assertThatThrownBy(() -> Names.normalizeDnsName(name)).hasMessageContaining("longer than 63 characters");
    }

    @Test
    void dnsNameOver253CharactersIsRejected() {
        String name = ("a".repeat(60) + ".").repeat(4) + "example.com";

        assertThatThrownBy(() -> Names.normalizeDnsName(name)).hasMessageContaining("longer than 253 characters");
    }

    @Test
    void emptyDnsNameIsRejected() {
        assertThatThrownBy(() -> Names.normalizeDnsName("")).hasMessage("the DNS name is empty");
    }

    @ParameterizedTest
    @CsvSource({
        "192.168.0.1, 192.168.0.1",
        "0.0.0.0, 0.0.0.0",
        "::1, ::1",
        "0:0:0:0:0:0:0:1, ::1",
        "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
        "2001:0db8:0000:0000:0001:0000:0000:0001, 2001:db8::1:0:0:1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "2001:db8::, 2001:db8::",
        "::, ::",
        "fe80:0:0:1::1, fe80:0:0:1::1",
        "::ffff:192.0.2.1, ::ffff:192.0.2.1",
        "::FFFF:c000:0201, ::ffff:192.0.2.1"
    })
    void ipAddressIsCanonical(String input, String expected) {
        assertThat(Names.canonicalIpAddress(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0.1", "1.2.3", "01.2.3.4", "1.2.3.4.5", "1:2:3:4:5:6:7:8:9", "1::2::3", "fe80::1%eth0",
        "12345::1", "g::1", "1:2:3:4:5:6:7::8", "localhost", " 1.2.3.4", "[::1]"})
    void invalidIpAddressIsRejected(String input) {
        assertThatThrownBy(() -> Names.canonicalIpAddress(input))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("is not a valid IP address");
    }

    @ParameterizedTest
    @CsvSource({
        "SPIFFE://Cluster.Local/ns/Default/sa/App, spiffe://cluster.local/ns/Default/sa/App",
        "https://User@Example.COM:8443/Path?Q=1#F, https://User@example.com:8443/Path?Q=1#F",
        "urn:uuid:6E8BC430-9C3A-11D9-9669-0800200C9A66, urn:uuid:6E8BC430-9C3A-11D9-9669-0800200C9A66",
        "spiffe://example.org/a%20b, spiffe://example.org/a%20b"
    })
    void uriSchemeAndHostAreLowerCased(String input, String expected) {
        assertThat(Names.normalizeUri(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/relative/path           | it needs a scheme",
        "spiffe://exämple.org/a   | the non-ASCII character 'ä'",
        "spiffe://example.org/a b | a space",
        "spiffe:                  | not a valid URI"
    })
    void invalidUriIsRejected(String input, String reason) {
        assertThatThrownBy(() -> Names.normalizeUri(input)).isInstanceOf(PkiException.class).hasMessageContaining(reason);
    }

    @ParameterizedTest
    @CsvSource({
        "Alice@Example.COM, Alice@example.com",
        "ops@bücher.example, ops@xn--bcher-kva.example"
    })
    void emailDomainIsNormalizedAndLocalPartKept(String input, String expected) {
        assertThat(Names.normalizeEmailAddress(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-at-sign", "@example.com", "alice@", "a@b@example.com", "jörg@example.com", "alice@exa mple.com"})
    void invalidEmailAddressIsRejected(String input) {
        assertThatThrownBy(() -> Names.normalizeEmailAddress(input)).isInstanceOf(PkiException.class);
    }

    @ParameterizedTest
    @CsvSource({".Example.COM, .example.com", "Example.COM, example.com"})
    void constraintDomainKeepsLeadingDot(String input, String expected) {
        assertThat(Names.normalizeConstraintDomain(input)).isEqualTo(expected);
    }
}
