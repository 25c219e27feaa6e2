package io.mtlsoperator.lifecycle;

import java.time.Duration;
import java.time.Instant;

/**
 * When to renew a certificate, computed from the certificate actually issued (its notBefore and
 * notAfter, which the issuer may have capped), not from the requested duration.
 *
 * @param renewBefore renew this long before notAfter; null for the default
 * @param renewBeforePercentage renew when this share of the lifetime remains; null for the default
 */
public record RenewalPolicy(Duration renewBefore, Integer renewBeforePercentage) {

  /** Share of the lifetime after which renewal starts by default, as cert-manager does. */
  private static final double DEFAULT_RENEWAL_FRACTION = 2.0 / 3.0;

  /**
   * Renewal never comes before this share of the lifetime has passed. Issuers back-date notBefore
   * a little, so without a floor a renewBefore close to the lifetime would make a fresh
   * certificate due at once and re-issue it in a loop.
   */
  private static final double MIN_AGE_FRACTION = 1.0 / 3.0;

  /** Jitter spreads renewals of certificates issued together over at most this share of the lifetime. */
  private static final double MAX_JITTER_FRACTION = 0.02;
  private static final Duration MAX_JITTER = Duration.ofHours(1);

  /**
   * Returns the renewal time. {@code jitterSeed} should be stable for one certificate (e.g. its
   * serial number), so the time does not move between reconciles; the jitter only moves renewal
   * earlier, but never before a third of the lifetime has passed.
   */
  public Instant renewalTime(Instant notBefore, Instant notAfter, long jitterSeed) {
    Duration lifetime = Duration.between(notBefore, notAfter);
    Instant base;
    if (renewBefore != null) {
      base = notAfter.minus(renewBefore);
    } else if (renewBeforePercentage != null) {
      base = notAfter.minus(lifetime.multipliedBy(renewBeforePercentage).dividedBy(100));
    } else {
      base = notBefore.plus(Duration.ofNanos((long) (lifetime.toNanos() * DEFAULT_RENEWAL_FRACTION)));
    }
    long maxJitterNanos = Math.min((long) (lifetime.toNanos() * MAX_JITTER_FRACTION), MAX_JITTER.toNanos());
    long jitterNanos = maxJitterNanos == 0 ? 0 : Math.floorMod(mix(jitterSeed), maxJitterNanos);
    Instant jittered = base.minusNanos(jitterNanos);

    Instant floor = notBefore.plusNanos((long) (lifetime.toNanos() * MIN_AGE_FRACTION));
    return jittered.isBefore(floor) ? floor : jittered;
  }

  // SplitMix64 finaliser: spreads similar seeds (consecutive serials) over the whole range.
  private static long mix(long seed) {
    long z = seed + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
