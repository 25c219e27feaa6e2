package io.mtlsoperator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.mtlsoperator.testing.Helm;
import io.mtlsoperator.testing.cluster.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What helm template renders with the default values: the Deployment, its Service and the CRDs. */
class ChartTemplateTest {

  private static final RenderedChart CHART = RenderedChart.render("mtls-operator", "mtls-system");

  @Test
  void defaultInstallRendersEveryPart() {
    assertThat(CHART.kinds()).containsExactlyInAnyOrder("ServiceAccount", "ClusterRole", "ClusterRole",
        "ClusterRoleBinding", "ClusterRoleBinding", "Role", "RoleBinding", "Lease", "Service", "Deployment");
  }

  @Test
  void podRunsAsNonRoot() {
    PodSpec pod = deployment().getSpec().getTemplate().getSpec();

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getServiceAccountName()).isEqualTo("mtls-operator");
  }

  @Test
  void containerCannotGainPrivileges() {
    var security = container().getSecurityContext();

    assertThat(security.getRunAsNonRoot()).isTrue();
    assertThat(security.getReadOnlyRootFilesystem()).isTrue();
    assertThat(security.getAllowPrivilegeEscalation()).isFalse();
    assertThat(security.getPrivileged()).isFalse();
    assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
    assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
  }

  @Test
  void writableTemporaryDirectoryIsTheOnlyVolume() {
    PodSpec pod = deployment().getSpec().getTemplate().getSpec();

    assertThat(pod.getVolumes()).singleElement().satisfies(volume -> {
      assertThat(volume.getName()).isEqualTo("tmp");
      assertThat(volume.getEmptyDir()).isNotNull();
    });
    assertThat(container().getVolumeMounts()).singleElement().satisfies(mount ->
        assertThat(mount.getMountPath()).isEqualTo("/tmp"));
  }

  @Test
  void containerHasRequestsAndLimits() {
    var resources = container().getResources();

    assertThat(resources.getRequests()).containsKeys("cpu", "memory");
    assertThat(resources.getLimits()).containsKeys("cpu", "memory");
  }

  @Test
  void probesUseTheMonitoringPort() {
    Container container = container();

    assertThat(container.getPorts()).singleElement().satisfies(port -> {
      assertThat(port.getName()).isEqualTo("http");
      assertThat(port.getContainerPort()).isEqualTo(8080);
    });
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(container.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
  }

  @Test
  void replicasElectLeaderThroughLease() {
    Map<String, EnvVar> env = environment();
    Lease lease = CHART.one(Lease.class, "mtls-operator-leader");

    assertThat(deployment().getSpec().getReplicas()).isEqualTo(2);
    assertThat(env.get("LEADER_ELECTION_ENABLED").getValue()).isEqualTo("true");
    assertThat(env.get("LEADER_ELECTION_LEASE_NAME").getValue()).isEqualTo("mtls-operator-leader");
    assertThat(env.get("LEADER_ELECTION_NAMESPACE").getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("metadata.namespace");
    assertThat(env.get("POD_NAME").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
    assertThat(env.get("LEADER_ELECTION_LEASE_DURATION").getValue()).isEqualTo("15s");
    assertThat(lease.getMetadata().getNamespace()).isEqualTo("mtls-system");
    assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo(15);
  }

  @Test
  void emptyNamespaceListWatchesAllNamespaces() {
    assertThat(environment().get("WATCH_NAMESPACES").getValue()).isEmpty();
  }

  @Test
  void listedNamespacesReachTheOperator() {
    RenderedChart listed = RenderedChart.render("mtls-operator", "mtls-system",
        "--set", "watchNamespaces={payments,gateway}");

    Deployment deployment = listed.one(Deployment.class, "mtls-operator");
    var env = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
    assertThat(env).filteredOn(variable -> variable.getName().equals("WATCH_NAMESPACES"))
        .singleElement().satisfies(variable -> assertThat(variable.getValue()).isEqualTo("payments,gateway"));
  }

  @Test
  void gatewayCredentialNamespacesReachTheOperator() {
    RenderedChart chart = RenderedChart.render("mtls-operator", "mtls-system",
        "--set", "gateway.credentialNamespaces={istio-system}");

    Deployment deployment = chart.one(Deployment.class, "mtls-operator");
    var env = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
    assertThat(env).filteredOn(variable -> variable.getName().equals("GATEWAY_CREDENTIAL_NAMESPACES"))
        .singleElement().satisfies(variable -> assertThat(variable.getValue()).isEqualTo("istio-system"));
    assertThat(environment().get("GATEWAY_CREDENTIAL_NAMESPACES").getValue()).isEmpty();
  }

  @Test
  void metricsServiceTargetsTheContainerPort() {
    Service service = CHART.one(Service.class, "mtls-operator-metrics");

    assertThat(service.getSpec().getSelector())
        .isEqualTo(deployment().getSpec().getSelector().getMatchLabels());
    assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
      assertThat(port.getName()).isEqualTo("http-metrics");
      assertThat(port.getPort()).isEqualTo(8080);
      assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
    });
  }

  @Test
  void serviceMonitorIsRenderedOnlyWhenEnabled() {
    RenderedChart monitored = RenderedChart.render("mtls-operator", "mtls-system",
        "--set", "metrics.serviceMonitor.enabled=true", "--set", "metrics.serviceMonitor.labels.release=prometheus");

    assertThat(CHART.kinds()).doesNotContain("ServiceMonitor");
    GenericKubernetesResource monitor = monitored.one(GenericKubernetesResource.class, "mtls-operator");
    assertThat(monitor.getKind()).isEqualTo("ServiceMonitor");
    assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
    List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
    assertThat(endpoints).singleElement().satisfies(endpoint -> {
      assertThat(endpoint).containsEntry("port", "http-metrics");
      assertThat(endpoint).containsEntry("path", "/metrics");
    });
  }

  @Test
  void chartCrdsAreTheGeneratedCrds() throws IOException {
    Path generated = RepositoryRoot.find().resolve("crds");
    Path packaged = Helm.chartDirectory().resolve("crds");

    assertThat(fileNames(packaged)).isEqualTo(fileNames(generated));
    for (String name : fileNames(generated)) {
      assertThat(Files.readString(packaged.resolve(name)))
          .as("helm/mtls-operator/crds/%s must equal crds/%s; copy it after make crds", name, name)
          .isEqualTo(Files.readString(generated.resolve(name)));
    }
  }

  @Test
  void includeCrdsRendersBothKinds() {
    RenderedChart withCrds = RenderedChart.render("mtls-operator", "mtls-system", "--include-crds");

    assertThat(withCrds.all(CustomResourceDefinition.class)).extracting(crd -> crd.getMetadata().getName())
        .containsExactlyInAnyOrder("certificateauthorities.pki.mtls-operator.io",
            "mtlscertificates.pki.mtls-operator.io");
  }

  private static List<String> fileNames(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  private static Deployment deployment() {
    return CHART.one(Deployment.class, "mtls-operator");
  }

  private static Container container() {
    return deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  private static Map<String, EnvVar> environment() {
    return container().getEnv().stream().collect(Collectors.toMap(EnvVar::getName, variable -> variable));
  }
}
