package io.mtlsoperator.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ValidityTest {

    @Test
    void notBeforeIsBackdatedOneMinute() {
        Validity validity = Validity.of(TestPki.CLOCK, Duration.ofHours(1), null);

        assertThat(validity.notBefore()).isEqualTo(TestPki.NOW.minusSeconds(60));
        assertThat(validity.notAfter()).isEqualTo(TestPki.NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void timesAreTruncatedToSeconds() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00.987Z"), ZoneOffset.UTC);

        Validity validity = Validity.of(clock, Duration.ofHours(1), null);

        assertThat(validity.notBefore().getNano()).isZero();
        assertThat(validity.notAfter()).isEqualTo(Instant.parse("2026-03-01T13:00:00Z"));
    }

    @Test
    void notAfterIsCappedAtIssuerNotAfter() {
        CaMaterial root = TestPki.root("Validity Root");
        X509Certificate issuer = root.certificate();

        Validity validity = Validity.of(TestPki.CLOCK, Duration.ofDays(10_000), issuer);

        assertThat(validity.notAfter()).isEqualTo(issuer.getNotAfter().toInstant());
    }

    @Test
    void notBeforeIsNeverBeforeIssuerNotBefore() {
        CaMaterial root = TestPki.root("Validity Root");
        // Thirty seconds after the root's notBefore, back-dating by a minute would reach past it.
        Clock justAfterRootStart = Clock.fixed(root.certificate().getNotBefore().toInstant().plusSeconds(30), ZoneOffset.UTC);

        Validity validity = Validity.of(justAfterRootStart, Duration.ofDays(1), root.certificate());

        assertThat(validity.notBefore()).isEqualTo(root.certificate().getNotBefore().toInstant());
    }

    @Test
    void expiredIssuerIsRejected() {
        CaMaterial root = TestPki.root("Validity Root");
        Clock afterExpiry = Clock.fixed(root.certificate().getNotAfter().toInstant().plusSeconds(1), ZoneOffset.UTC);

        assertThatThrownBy(() -> Validity.of(afterExpiry, Duration.ofDays(1), root.certificate()))
                .hasMessageStartingWith("the issuing CA \"CN=Validity Root\" expired at ");
    }

    @Test
    void issuerNotYetValidIsRejected() {
        CaMaterial root = TestPki.root("Validity Root");
        Clock beforeStart = Clock.fixed(TestPki.NOW.minus(Duration.ofDays(1)), ZoneOffset.UTC);

        assertThatThrownBy(() -> Validity.of(beforeStart, Duration.ofDays(1), root.certificate()))
                .hasMessageContaining("is not valid before");
    }

    @Test
    void nonPositiveDurationIsRejected() {
        assertThatThrownBy(() -> Validity.of(TestPki.CLOCK, Duration.ZERO, null)).hasMessage("duration must be positive, but is PT0S");
        assertThatThrownBy(() -> Validity.of(TestPki.CLOCK, Duration.ofHours(-1), null)).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> Validity.of(TestPki.CLOCK, null, null)).hasMessage("duration is missing");
    }

    @Test
    void durationPastYear9999IsRejected() {
        assertThatThrownBy(() -> Validity.of(TestPki.CLOCK, Duration.ofDays(3_000_000), null))
                .hasMessageContaining("is too long");
    }
}
