package io.mtlsoperator.pki;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The validity period of a new certificate, in whole seconds as X.509 time encodings require. */
record Validity(Instant notBefore, Instant notAfter) {

    /** How far notBefore goes back, so that peers whose clocks run a little behind accept the certificate. */
    static final Duration BACKDATE = Duration.ofMinutes(1);

    /** The last instant that GeneralizedTime can express with four-digit years. */
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /**
     * Returns the period that starts now, back-dated by {@link #BACKDATE}, and lasts {@code duration}.
     * Under an issuer the period is clipped to the issuer's own: notBefore is never earlier and
     * notAfter never later than the issuer's, because validators reject a certificate outside
     * its issuer's validity.
     */
    static Validity of(Clock clock, Duration duration, X509Certificate issuerOrNull) {
        if (duration == null) {
            throw new PkiException("duration is missing");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new PkiException("duration must be positive, but is " + duration);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant notBefore = now.minus(BACKDATE);
        Instant notAfter;
        try {
            notAfter = now.plus(duration);
        } catch (DateTimeException | ArithmeticException e) {
            throw new PkiException("duration " + duration + " is too long: the certificate would end after " + LATEST);
        }
        if (notAfter.isAfter(LATEST)) {
            throw new PkiException("duration " + duration + " is too long: the certificate would end after " + LATEST);
        }
        if (issuerOrNull != null) {
            Instant issuerNotBefore = issuerOrNull.getNotBefore().toInstant();
            Instant issuerNotAfter = issuerOrNull.getNotAfter().toInstant();
            String issuerName = issuerOrNull.getSubjectX500Principal().getName();
            if (!now.isBefore(issuerNotAfter)) {
                throw new PkiException("the issuing CA \"" + issuerName + "\" expired at " + issuerNotAfter
                        + ": renew the CA before issuing from it");
            }
            if (now.isBefore(issuerNotBefore)) {
                throw new PkiException("the issuing CA \"" + issuerName + "\" is not valid before " + issuerNotBefore);
            }
            if (notBefore.isBefore(issuerNotBefore)) {
                notBefore = issuerNotBefore;
            }
            if (notAfter.isAfter(issuerNotAfter)) {
                notAfter = issuerNotAfter;
            }
        }
        return new Validity(notBefore, notAfter);
    }
}
