package io.mtlsoperator;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings for electing the one replica that reconciles, through a coordination.k8s.io Lease.
 * A follower takes over at most {@code leaseDuration} after the leader last renewed the Lease.
 *
 * @param leaseName the Lease that the replicas compete for
 * @param leaseNamespace the Lease's namespace, usually the operator's own
 * @param identity this replica's name in the Lease's holderIdentity, usually the pod name
 * @param leaseDuration how long a Lease stays valid after its last renewal
 * @param renewDeadline how long the leader keeps trying to renew before it gives up leadership
 * @param retryPeriod how often every replica tries to acquire or renew the Lease
 */
public record LeaderElectionSettings(String leaseName, String leaseNamespace, String identity,
    Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {

  public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(15);
  public static final Duration DEFAULT_RENEW_DEADLINE = Duration.ofSeconds(10);
  public static final Duration DEFAULT_RETRY_PERIOD = Duration.ofSeconds(2);

  public LeaderElectionSettings {
    Objects.requireNonNull(leaseName, "leaseName");
    Objects.requireNonNull(leaseNamespace, "leaseNamespace");
    Objects.requireNonNull(identity, "identity");
    if (retryPeriod.isZero() || retryPeriod.isNegative()) {
      throw new IllegalArgumentException("Leader election retry period " + retryPeriod + " must be positive");
    }
    // Fabric8's LeaderElector adds up to 1.2 retry periods of jitter to each retry and rejects
    // a deadline that one jittered retry could miss.
    if (renewDeadline.toMillis() * 10 <= retryPeriod.toMillis() * 22) {
      throw new IllegalArgumentException("Leader election renew deadline " + renewDeadline
          + " must be longer than 2.2 times the retry period " + retryPeriod);
    }
    if (leaseDuration.compareTo(renewDeadline) <= 0) {
      throw new IllegalArgumentException("Leader election lease duration " + leaseDuration
          + " must be longer than the renew deadline " + renewDeadline
          + ", or a leader could lose the Lease while it still reconciles");
    }
  }

  /** Returns settings with the default lease duration (15 s), renew deadline (10 s) and retry period (2 s). */
  public static LeaderElectionSettings of(String leaseName, String leaseNamespace, String identity) {
    return new LeaderElectionSettings(leaseName, leaseNamespace, identity, DEFAULT_LEASE_DURATION,
        DEFAULT_RENEW_DEADLINE, DEFAULT_RETRY_PERIOD);
  }
}
