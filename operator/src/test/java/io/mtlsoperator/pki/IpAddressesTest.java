package io.mtlsoperator.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

    @Test
    void ipv4RangeEncodesAddressAndMask() {
        IpAddresses.Range range = IpAddresses.parseRange("10.128.0.0/9");

        assertThat(range.addressAndMask()).containsExactly(10, 128, 0, 0, 255, 128, 0, 0);
        assertThat(range.canonical()).isEqualTo("10.128.0.0/9");
    }

    @Test
    void ipv6RangeEncodesAddressAndMask() {
        IpAddresses.Range range = IpAddresses.parseRange("FD00::/8");

        assertThat(range.addressAndMask()).hasSize(32);
        assertThat(range.addressAndMask()[0]).isEqualTo((byte) 0xfd);
        assertThat(range.addressAndMask()[16]).isEqualTo((byte) 0xff);
        assertThat(range.addressAndMask()[17]).isZero();
        assertThat(range.canonical()).isEqualTo("fd00::/8");
    }

    @Test
    void hostBitsAreRejected() {
        assertThatThrownBy(() -> IpAddresses.parseRange("10.1.2.3/8"))
                .hasMessageContaining("has host bits set after the prefix: did you mean 10.0.0.0/8?");
    }

    @Test
    void addressWithoutPrefixIsRejectedWithAnExample() {
        assertThatThrownBy(() -> IpAddresses.parseRange("10.0.0.1"))
                .hasMessageContaining("is not in CIDR notation")
                .hasMessageContaining("10.0.0.1/32");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "::/129", "10.0.0.0/-1", "10.0.0.0/", "10.0.0.0/8a"})
    void invalidPrefixLengthIsRejected(String range) {
        assertThatThrownBy(() -> IpAddresses.parseRange(range)).hasMessageContaining("invalid prefix length");
    }

    @ParameterizedTest
    @CsvSource({"0.0.0.0/0, 0.0.0.0/0", "::/0, ::/0", "192.0.2.7/32, 192.0.2.7/32"})
    void boundaryPrefixesAreAccepted(String range, String canonical) {
        assertThat(IpAddresses.parseRange(range).canonical()).isEqualTo(canonical);
    }

    @Test
    void ipv4MappedAddressIsRejectedForSans() {
        assertThatThrownBy(() -> IpAddresses.canonicalSanAddress("::ffff:127.0.0.1"))
                .hasMessageContaining("write 127.0.0.1 instead");
    }
}
