package io.mtlsoperator.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RenewalPolicyTest {

  private static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant NOT_AFTER = NOT_BEFORE.plus(Duration.ofDays(90));
  private static final Duration LIFETIME = Duration.between(NOT_BEFORE, NOT_AFTER);
  private static final Duration MAX_JITTER = Duration.ofHours(1);

  @Test
  void defaultIsTwoThirdsOfLifetime() {
    Instant renewal = new RenewalPolicy(null, null).renewalTime(NOT_BEFORE, NOT_AFTER, 42);

    Instant twoThirds = NOT_BEFORE.plus(LIFETIME.multipliedBy(2).dividedBy(3));
    assertThat(renewal).isBetween(twoThirds.minus(MAX_JITTER), twoThirds);
  }

  @Test
  void renewBeforeCountsBackFromNotAfter() {
    Instant renewal = new RenewalPolicy(Duration.ofDays(10), null).renewalTime(NOT_BEFORE, NOT_AFTER, 42);

    Instant expected = NOT_AFTER.minus(Duration.ofDays(10));
    assertThat(renewal).isBetween(expected.minus(MAX_JITTER), expected);
  }

  @Test
  void percentageIsShareOfLifetimeLeft() {
    Instant renewal = new RenewalPolicy(null, 25).renewalTime(NOT_BEFORE, NOT_AFTER, 42);

    Instant expected = NOT_AFTER.minus(LIFETIME.dividedBy(4));
    assertThat(renewal).isBetween(expected.minus(MAX_JITTER), expected);
  }

  @Test
  void renewalNeverComesBeforeThirdOfLifetime() {
    Instant renewal = new RenewalPolicy(Duration.ofDays(89), null).renewalTime(NOT_BEFORE, NOT_AFTER, 42);

    assertThat(renewal).isEqualTo(NOT_BEFORE.plus(LIFETIME.dividedBy(3)));
  }

  @Test
  void renewBeforeLongerThanLifetimeDoesNotRenewAtOnce() {
    Instant renewal = new RenewalPolicy(Duration.ofDays(400), null).renewalTime(NOT_BEFORE, NOT_AFTER, 42);

    assertThat(renewal).isAfter(NOT_BEFORE);
  }

  @Test
  void jitterIsStablePerSeedAndSpreadsSeeds() {
    RenewalPolicy policy = new RenewalPolicy(null, null);

    assertThat(policy.renewalTime(NOT_BEFORE, NOT_AFTER, 7)).isEqualTo(policy.renewalTime(NOT_BEFORE, NOT_AFTER, 7));
    long distinct = java.util.stream.LongStream.range(0, 100)
        .mapToObj(seed -> policy.renewalTime(NOT_BEFORE, NOT_AFTER, seed)).distinct().count();
    assertThat(distinct).isGreaterThan(90);
  }
}
