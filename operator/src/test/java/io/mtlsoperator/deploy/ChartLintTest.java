package io.mtlsoperator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlsoperator.testing.Helm;
import org.junit.jupiter.api.Test;

/** helm lint and the values schema: what the chart accepts and what it rejects before anything reaches a cluster. */
class ChartLintTest {

  private static final String CHART = Helm.chartDirectory().toString();

  @Test
  void defaultValuesPassStrictLint() {
    Helm.Result lint = Helm.run("lint", "--strict", CHART);

    assertThat(lint.exitCode()).as(lint.output() + lint.errors()).isZero();
    assertThat(lint.output()).contains("1 chart(s) linted, 0 chart(s) failed");
  }

  @Test
  void listedNamespacesAndServiceMonitorPassStrictLint() {
    Helm.Result lint = Helm.run("lint", "--strict", CHART,
        "--set", "watchNamespaces={payments,gateway}", "--set", "metrics.serviceMonitor.enabled=true");

    assertThat(lint.exitCode()).as(lint.output() + lint.errors()).isZero();
  }

  @Test
  void schemaRejectsTextReplicaCount() {
    Helm.Result template = Helm.run("template", "x", CHART, "--set-string", "replicaCount=two");

    assertThat(template.exitCode()).isNotZero();
    assertThat(template.errors()).contains("replicaCount");
  }

  @Test
  void schemaRejectsUnknownValue() {
    Helm.Result template = Helm.run("template", "x", CHART, "--set", "watchNamespace=payments");

    assertThat(template.exitCode()).isNotZero();
    assertThat(template.errors()).contains("watchNamespace");
  }

  @Test
  void schemaRejectsInvalidNamespaceName() {
    Helm.Result template = Helm.run("template", "x", CHART, "--set", "watchNamespaces={Payments_Team}");

    assertThat(template.exitCode()).isNotZero();
    assertThat(template.errors()).contains("watchNamespaces");
  }

  @Test
  void schemaRejectsMissingMemoryLimit() {
    Helm.Result template = Helm.run("template", "x", CHART, "--set", "resources.limits.memory=null");

    assertThat(template.exitCode()).isNotZero();
    assertThat(template.errors()).contains("memory");
  }

  @Test
  void renewDeadlineBeyondLeaseIsRejected() {
    Helm.Result template = Helm.run("template", "x", CHART, "--set", "leaderElection.renewDeadlineSeconds=20");

    assertThat(template.exitCode()).isNotZero();
    assertThat(template.errors())
        .contains("renewDeadlineSeconds must be less than leaderElection.leaseDurationSeconds");
  }

  @Test
  void renewDeadlineWithinJitteredRetryIsRejected() {
    Helm.Result template = Helm.run("template", "x", CHART, "--set", "leaderElection.retryPeriodSeconds=5");

    assertThat(template.exitCode()).isNotZero();
    assertThat(template.errors()).contains("more than 2.2 times leaderElection.retryPeriodSeconds");
  }

  @Test
  void replicasWithoutLeaderElectionAreRejected() {
    Helm.Result template = Helm.run("template", "x", CHART, "--set", "leaderElection.enabled=false");

    assertThat(template.exitCode()).isNotZero();
    assertThat(template.errors()).contains("replicaCount above 1 needs leaderElection.enabled=true");
  }

  @Test
  void singleReplicaWithoutLeaderElectionRendersNoLease() {
    RenderedChart chart = RenderedChart.render("x", "ops", "--set", "leaderElection.enabled=false",
        "--set", "replicaCount=1");

    assertThat(chart.kinds()).doesNotContain("Lease", "Role");
    assertThat(chart.manifests()).contains("name: LEADER_ELECTION_ENABLED\n              value: \"false\"");
  }
}
