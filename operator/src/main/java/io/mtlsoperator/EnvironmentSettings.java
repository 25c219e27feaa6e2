package io.mtlsoperator;

import io.mtlsoperator.kube.GoDuration;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads the operator's settings from environment variables, as the Helm chart's Deployment sets them.
 *
 * <ul>
 *   <li>WATCH_NAMESPACES: comma-separated namespaces to watch; empty or unset means all.
 *   <li>METRICS_PORT: port for /metrics, /healthz and /readyz on every interface (default 8080).
 *   <li>LEADER_ELECTION_ENABLED: true to elect one reconciling replica through a Lease (default false).
 *   <li>LEADER_ELECTION_NAMESPACE: the Lease's namespace; required when leader election is enabled.
 *   <li>LEADER_ELECTION_LEASE_NAME: the Lease's name (default mtls-operator-leader).
 *   <li>LEADER_ELECTION_LEASE_DURATION, LEADER_ELECTION_RENEW_DEADLINE, LEADER_ELECTION_RETRY_PERIOD:
 *       Go durations (defaults 15s, 10s, 2s).
 *   <li>GATEWAY_CREDENTIAL_NAMESPACES: comma-separated namespaces where certificates of other
 *       namespaces may have their gateway credential Secrets written (e.g. istio-system); empty means none.
 *   <li>POD_NAME: this replica's identity in the Lease (default HOSTNAME, else a random UUID).
 * </ul>
 */
final class EnvironmentSettings {

  static final String DEFAULT_LEASE_NAME = "mtls-operator-leader";

  private final Map<String, String> environment;

  private EnvironmentSettings(Map<String, String> environment) {
    this.environment = environment;
  }

  /** Returns the settings, or throws IllegalArgumentException naming the invalid variable. */
  static OperatorSettings read(Map<String, String> environment) {
    return new EnvironmentSettings(environment).settings();
  }

  private OperatorSettings settings() {
    OperatorSettings settings = new OperatorSettings(Clock.systemUTC(), names("WATCH_NAMESPACES"))
        .withMonitoring(new InetSocketAddress(metricsPort()))
        .withGatewayCredentialNamespaces(names("GATEWAY_CREDENTIAL_NAMESPACES"));
    if (Boolean.parseBoolean(value("LEADER_ELECTION_ENABLED", "false"))) {
      settings = settings.withLeaderElection(leaderElection());
    }
    return settings;
  }

  private Set<String> names(String variable) {
    return Arrays.stream(value(variable, "").split(","))
        .map(String::trim).filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet());
  }

  private int metricsPort() {
    String text = value("METRICS_PORT", String.valueOf(OperatorSettings.DEFAULT_MONITORING_PORT));
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Reported below together with the out-of-range case.
    }
    throw new IllegalArgumentException("METRICS_PORT '" + text + "' is invalid: use a port number from 1 to 65535");
  }

  private LeaderElectionSettings leaderElection() {
    String namespace = value("LEADER_ELECTION_NAMESPACE", "");
    if (namespace.isEmpty()) {
      throw new IllegalArgumentException("LEADER_ELECTION_NAMESPACE is missing: set it to the namespace of the "
          + "leader-election Lease, usually the operator's own, or set LEADER_ELECTION_ENABLED=false");
    }
    String identity = value("POD_NAME", value("HOSTNAME", UUID.randomUUID().toString()));
    return new LeaderElectionSettings(value("LEADER_ELECTION_LEASE_NAME", DEFAULT_LEASE_NAME), namespace, identity,
        duration("LEADER_ELECTION_LEASE_DURATION", LeaderElectionSettings.DEFAULT_LEASE_DURATION),
        duration("LEADER_ELECTION_RENEW_DEADLINE", LeaderElectionSettings.DEFAULT_RENEW_DEADLINE),
        duration("LEADER_ELECTION_RETRY_PERIOD", LeaderElectionSettings.DEFAULT_RETRY_PERIOD));
  }

  private Duration duration(String variable, Duration defaultValue) {
    String text = value(variable, "");
    return text.isEmpty() ? defaultValue : GoDuration.parse(variable, text);
  }

  /** Returns the variable's trimmed value, or {@code defaultValue} when it is unset or blank. */
  private String value(String variable, String defaultValue) {
    String text = environment.get(variable);
    return text == null || text.isBlank() ? defaultValue : text.trim();
  }
}
