package io.mtlsoperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment variables that the chart's Deployment sets, read into operator settings. */
class EnvironmentSettingsTest {

  @Test
  void emptyEnvironmentWatchesAllWithoutElection() {
    OperatorSettings settings = EnvironmentSettings.read(Map.of());

    assertThat(settings.namespaces()).isEmpty();
    assertThat(settings.monitoringAddress()).hasValueSatisfying(address ->
        assertThat(address.getPort()).isEqualTo(8080));
    assertThat(settings.leaderElection()).isEmpty();
  }

  @Test
  void namespacesAreSplitAndTrimmed() {
    OperatorSettings settings = EnvironmentSettings.read(Map.of("WATCH_NAMESPACES", " payments, gateway,,"));

    assertThat(settings.namespaces()).containsExactlyInAnyOrder("payments", "gateway");
  }

  @Test
  void gatewayCredentialNamespacesAreRead() {
    OperatorSettings settings = EnvironmentSettings.read(Map.of("GATEWAY_CREDENTIAL_NAMESPACES", "istio-system, "));

    assertThat(settings.gatewayCredentialNamespaces()).containsExactly("istio-system");
    assertThat(EnvironmentSettings.read(Map.of()).gatewayCredentialNamespaces()).isEmpty();
  }

  @Test
  void leaderElectionReadsLeaseAndTimings() {
    OperatorSettings settings = EnvironmentSettings.read(Map.of(
        "LEADER_ELECTION_ENABLED", "true",
        "LEADER_ELECTION_NAMESPACE", "mtls-system",
        "LEADER_ELECTION_LEASE_NAME", "mtls-operator-leader",
        "LEADER_ELECTION_LEASE_DURATION", "20s",
        "LEADER_ELECTION_RENEW_DEADLINE", "12s",
        "LEADER_ELECTION_RETRY_PERIOD", "3s",
        "POD_NAME", "mtls-operator-7c9f-abcde"));

    LeaderElectionSettings election = settings.leaderElection().orElseThrow();
    assertThat(election.leaseNamespace()).isEqualTo("mtls-system");
    assertThat(election.leaseName()).isEqualTo("mtls-operator-leader");
    assertThat(election.identity()).isEqualTo("mtls-operator-7c9f-abcde");
    assertThat(election.leaseDuration()).isEqualTo(Duration.ofSeconds(20));
    assertThat(election.renewDeadline()).isEqualTo(Duration.ofSeconds(12));
    assertThat(election.retryPeriod()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void leaderElectionWithoutNamespaceIsRejected() {
    assertThatThrownBy(() -> EnvironmentSettings.read(Map.of("LEADER_ELECTION_ENABLED", "true")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LEADER_ELECTION_NAMESPACE is missing");
  }

  @Test
  void renewDeadlineBeyondLeaseIsRejected() {
    assertThatThrownBy(() -> EnvironmentSettings.read(Map.of("LEADER_ELECTION_ENABLED", "true",
        "LEADER_ELECTION_NAMESPACE", "mtls-system", "LEADER_ELECTION_RENEW_DEADLINE", "30s")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be longer than the renew deadline");
  }

  @Test
  void invalidMetricsPortIsRejected() {
    assertThatThrownBy(() -> EnvironmentSettings.read(Map.of("METRICS_PORT", "http")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("METRICS_PORT 'http' is invalid");
    assertThatThrownBy(() -> EnvironmentSettings.read(Map.of("METRICS_PORT", "70000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("METRICS_PORT '70000' is invalid");
  }
}
