package io.mtlsoperator;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * How an operator instance runs.
 *
 * @param clock the source of time for issuance and renewal; tests pass a fixed or offset clock
 * @param namespaces namespaces to watch; empty means all namespaces
 * @param monitoringAddress where to serve /metrics, /healthz and /readyz; empty serves nothing
 * @param leaderElection how replicas elect the one that reconciles; empty means this instance
 *     always reconciles
 * @param gatewayCredentialNamespaces namespaces where certificates of other namespaces may have their
 *     gateway credential Secrets and trust bundles written (spec.gateway), such as istio-system
 */
public record OperatorSettings(Clock clock, Set<String> namespaces, Optional<InetSocketAddress> monitoringAddress,
    Optional<LeaderElectionSettings> leaderElection, Set<String> gatewayCredentialNamespaces) {

  /** The port of the metrics and probe endpoints when an operator runs from {@link Main}. */
  public static final int DEFAULT_MONITORING_PORT = 8080;

  public OperatorSettings(Clock clock, Set<String> namespaces) {
    this(clock, namespaces, Optional.empty(), Optional.empty(), Set.of());
  }

  /** Returns settings for an embedded operator: UTC clock, all namespaces, no HTTP endpoints, no leader election. */
  public static OperatorSettings defaults() {
    return new OperatorSettings(Clock.systemUTC(), Set.of());
  }

  public OperatorSettings withNamespaces(Set<String> watched) {
    return new OperatorSettings(clock, Set.copyOf(watched), monitoringAddress, leaderElection,
        gatewayCredentialNamespaces);
  }

  public OperatorSettings withMonitoring(InetSocketAddress address) {
    return new OperatorSettings(clock, namespaces, Optional.of(address), leaderElection,
        gatewayCredentialNamespaces);
  }

  public OperatorSettings withLeaderElection(LeaderElectionSettings election) {
    return new OperatorSettings(clock, namespaces, monitoringAddress, Optional.of(election),
        gatewayCredentialNamespaces);
  }

  public OperatorSettings withGatewayCredentialNamespaces(Set<String> credentialNamespaces) {
    return new OperatorSettings(clock, namespaces, monitoringAddress, leaderElection, Set.copyOf(credentialNamespaces));
  }
}
