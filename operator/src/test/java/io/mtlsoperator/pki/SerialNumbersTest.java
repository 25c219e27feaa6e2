package io.mtlsoperator.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SerialNumbersTest {

    @Test
    void serialsArePositiveAndFitIn20Octets() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 10_000; i++) {
            BigInteger serial = SerialNumbers.random(random);

            assertThat(serial.signum()).isPositive();
            assertThat(serial.toByteArray().length).isLessThanOrEqualTo(20);
        }
    }

    @Test
    void allOnesSerialStillFitsIn20Octets() {
        BigInteger serial = SerialNumbers.random(new FixedRandom(new byte[][] {filled((byte) 0xff)}));

        assertThat(serial.bitLength()).isEqualTo(159);
        assertThat(serial.toByteArray()).hasSize(20);
    }

    @Test
    void zeroSerialIsDrawnAgain() {
        SecureRandom random = new FixedRandom(new byte[][] {filled((byte) 0), filled((byte) 1)});

        assertThat(SerialNumbers.random(random).signum()).isPositive();
    }

    private static byte[] filled(byte value) {
        byte[] bytes = new byte[20];
        Arrays.fill(bytes, value);
        return bytes;
    }

    /** Returns the given byte patterns, one per call, so that the zero case can be forced. */
    private static final class FixedRandom extends SecureRandom {

        private static final long serialVersionUID = 1L;

        private final byte[][] patterns;
        private int next;

        FixedRandom(byte[][] patterns) {
            this.patterns = patterns;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            byte[] pattern = patterns[Math.min(next++, patterns.length - 1)];
            System.arraycopy(pattern, 0, bytes, 0, bytes.length);
        }
    }
}
