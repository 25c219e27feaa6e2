package io.mtlsoperator.pki;

import java.math.BigInteger;
import java.security.SecureRandom;

/** Random certificate serial numbers. */
final class SerialNumbers {

    /**
     * 159 random bits: RFC 5280 allows at most 20 octets, and a positive DER INTEGER of 20 octets
     * has its top bit clear, which leaves 159 bits.
     */
    static final int BITS = 159;

    private SerialNumbers() {
    }

    /** Returns a random positive serial number of at most 20 octets. */
    static BigInteger random(SecureRandom random) {
        BigInteger serial;
        do {
            serial = new BigInteger(BITS, random);
        } while (serial.signum() == 0);
        return serial;
    }
}
