package io.mtlsoperator.deploy;

import static io.mtlsoperator.deploy.AccessReview.Request.of;
import static io.mtlsoperator.testing.Resources.awaitReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mtlsoperator.LeaderElectionSettings;
import io.mtlsoperator.MtlsOperator;
import io.mtlsoperator.OperatorSettings;
import io.mtlsoperator.api.v1alpha1.CertificateUsageName;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.testing.Helm;
import io.mtlsoperator.testing.Resources;
import io.mtlsoperator.testing.SharedCluster;
import io.mtlsoperator.testing.TestNamespaces;
import io.mtlsoperator.testing.cluster.TestCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The chart installed with helm into the local control plane with the default values (all
 * namespaces), and the rights its ServiceAccount has there. The Deployment's pods stay Pending
 * because the local control plane has no nodes. The operator runs in the test JVM instead, with
 * the installed ServiceAccount's token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChartInstallTest {

  private static final String CRD_GROUP = "pki.mtls-operator.io";

  private TestCluster cluster;
  private KubernetesClient admin;
  private Path kubeconfig;
  private String namespace;
  private String release;
  private String fullName;
  private String appNamespace;

  @BeforeAll
  void installChart() throws IOException {
    cluster = SharedCluster.get();
    admin = cluster.adminClient();
    namespace = TestNamespaces.create(admin, "chart");
    appNamespace = TestNamespaces.create(admin, "chart-app");
    // A release named after its unique namespace, so that its ClusterRoles clash with no other release.
    release = namespace;
    fullName = release + "-mtls-operator";
    kubeconfig = Files.createTempFile("mtls-operator-chart", ".kubeconfig");
    Files.writeString(kubeconfig, cluster.adminKubeconfig());

    // The shared cluster has the CRDs from crds/ already, which the chart carries unchanged.
    Helm.run(kubeconfig, "install", release, Helm.chartDirectory().toString(), "--namespace", namespace,
        "--skip-crds").requireSuccess();
    // The RBAC authorizer reads bindings from its own cache, so a new binding takes a moment to apply.
    AccessReview review = new AccessReview(admin, namespace, fullName);
    await().atMost(Duration.ofSeconds(30)).until(() -> review.allows(of("list", CRD_GROUP, "mtlscertificates", null)));
  }

  @AfterAll
  void uninstallChart() throws IOException {
    if (release != null) {
      Helm.run(kubeconfig, "uninstall", release, "--namespace", namespace);
    }
    if (kubeconfig != null) {
      Files.deleteIfExists(kubeconfig);
    }
  }

  @Test
  void serverSideDryRunCreatesNothing() {
    String dryRelease = "dry-" + namespace;
    List<HasMetadata> objects = RenderedChart.render(dryRelease, namespace).objects();

    for (HasMetadata object : objects) {
      HasMetadata answered = admin.resource(object).dryRun().fieldManager("chart-test").serverSideApply();
      assertThat(answered.getMetadata().getName()).as("dry-run answer for %s", describe(object))
          .isEqualTo(object.getMetadata().getName());
    }

    assertThat(objects).extracting(HasMetadata::getKind).contains("Deployment", "ClusterRole", "Lease");
    assertThat(objects).allSatisfy(object ->
        assertThat(admin.resource(object).get()).as("%s after a dry run", describe(object)).isNull());
  }

  @Test
  void installCreatesEveryRenderedObject() {
    String status = Helm.run(kubeconfig, "status", release, "--namespace", namespace).requireSuccess().output();
    List<HasMetadata> installed = RenderedChart.parse(Helm.run(kubeconfig, "get", "manifest", release,
        "--namespace", namespace).requireSuccess().output());
    List<HasMetadata> hooks = RenderedChart.parse(Helm.run(kubeconfig, "get", "hooks", release,
        "--namespace", namespace).requireSuccess().output());

    assertThat(status).contains("STATUS: deployed");
    assertThat(installed).extracting(HasMetadata::getKind).containsExactlyInAnyOrder("ServiceAccount",
        "ClusterRole", "ClusterRole", "ClusterRoleBinding", "ClusterRoleBinding", "Role", "RoleBinding",
        "Service", "Deployment");
    assertThat(hooks).extracting(HasMetadata::getKind).containsExactly("Lease");
    assertThat(((Lease) hooks.get(0)).getSpec().getHolderIdentity()).as("holder of the new Lease").isNull();
    assertThat(installed).allSatisfy(object ->
        assertThat(admin.resource(object).get()).as("%s after helm install", describe(object)).isNotNull());
    assertThat(admin.resource(hooks.get(0)).get()).as("Lease after helm install").isNotNull();
  }

  @Test
  void leaseSurvivesUpgradeNotReinstall() {
    String otherNamespace = TestNamespaces.create(admin, "reinstall");
    String leaseName = otherNamespace + "-mtls-operator-leader";
    String chart = Helm.chartDirectory().toString();
    Helm.run(kubeconfig, "install", otherNamespace, chart, "--namespace", otherNamespace, "--skip-crds")
        .requireSuccess();
    admin.leases().inNamespace(otherNamespace).withName(leaseName).edit(lease -> {
      lease.getSpec().setHolderIdentity("replica-of-the-first-install");
      return lease;
    });

    Helm.run(kubeconfig, "upgrade", otherNamespace, chart, "--namespace", otherNamespace, "--skip-crds",
        "--set", "replicaCount=3").requireSuccess();
    Lease upgraded = admin.leases().inNamespace(otherNamespace).withName(leaseName).get();
    Helm.run(kubeconfig, "uninstall", otherNamespace, "--namespace", otherNamespace).requireSuccess();
    Lease leftover = admin.leases().inNamespace(otherNamespace).withName(leaseName).get();
    Helm.run(kubeconfig, "install", otherNamespace, chart, "--namespace", otherNamespace, "--skip-crds")
        .requireSuccess();
    Lease replaced = admin.leases().inNamespace(otherNamespace).withName(leaseName).get();
    Helm.run(kubeconfig, "uninstall", otherNamespace, "--namespace", otherNamespace).requireSuccess();

    assertThat(upgraded.getSpec().getHolderIdentity()).isEqualTo("replica-of-the-first-install");
    assertThat(leftover.getSpec().getHolderIdentity()).isEqualTo("replica-of-the-first-install");
    assertThat(replaced.getSpec().getHolderIdentity()).isNull();
  }

  @Test
  void installedIdentityIssuesCertificates() {
    String identity = "chart-test-replica";
    LeaderElectionSettings election = LeaderElectionSettings.of(fullName + "-leader", namespace, identity);
    OperatorSettings settings = new OperatorSettings(Clock.systemUTC(), Set.of(appNamespace))
        .withLeaderElection(election);

    try (KubernetesClient operatorClient = cluster.clientFor(namespace, fullName);
        MtlsOperator operator = MtlsOperator.create(operatorClient, settings)) {
      operator.start();
      await().atMost(election.leaseDuration().multipliedBy(2)).until(operator::isLeader);
      awaitReady(admin, admin.resource(Resources.selfSignedAuthority(appNamespace, "root")).create());
      MtlsCertificate certificate = awaitReady(admin, admin.resource(Resources.certificate(appNamespace, "server",
          "root", CertificateUsageName.Server, spec -> { })).create());

      Lease lease = admin.leases().inNamespace(namespace).withName(election.leaseName()).get();
      assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(identity);
      assertThat(certificate.getStatus().getRevision()).isEqualTo(1);
      assertThat(admin.secrets().inNamespace(appNamespace).withName("server-tls").get()).isNotNull();
    }
  }

  @Test
  void neededRightsAreAllowed() {
    AccessReview review = new AccessReview(admin, namespace, fullName);
    List<AccessReview.Request> needed = List.of(
        of("list", CRD_GROUP, "mtlscertificates", null),
        of("watch", CRD_GROUP, "certificateauthorities", null),
        of("get", CRD_GROUP, "certificateauthorities", appNamespace).named("root"),
        of("patch", CRD_GROUP, "mtlscertificates", appNamespace).subresource("status").named("server"),
        of("patch", CRD_GROUP, "certificateauthorities", appNamespace).subresource("status").named("root"),
        of("patch", CRD_GROUP, "certificateauthorities", appNamespace).named("root"),
        of("patch", CRD_GROUP, "mtlscertificates", appNamespace).named("server"),
        of("watch", "networking.istio.io", "gateways", null),
        of("patch", "networking.istio.io", "gateways", appNamespace).named("kyma-mtls-gateway"),
        of("watch", "gateway.networking.k8s.io", "gateways", null),
        of("patch", "gateway.networking.k8s.io", "gateways", appNamespace).named("edge"),
        of("create", "cert.gardener.cloud", "certificates", appNamespace),
        of("delete", "cert.gardener.cloud", "certificates", appNamespace).named("kyma-mtls"),
        of("list", "", "secrets", null),
        of("watch", "", "secrets", null),
        of("get", "", "secrets", appNamespace).named("root-ca"),
        of("create", "", "secrets", appNamespace),
        of("patch", "", "secrets", appNamespace).named("server-tls"),
        of("delete", "", "secrets", appNamespace).named("root-ca-bundle"),
        of("list", "", "configmaps", null),
        of("watch", "", "configmaps", null),
        of("create", "", "configmaps", appNamespace),
        of("patch", "", "configmaps", appNamespace).named("root-ca-bundle"),
        of("delete", "", "configmaps", appNamespace).named("root-ca-bundle"),
        of("list", "", "namespaces", null),
        of("watch", "", "namespaces", null),
        of("create", "", "events", appNamespace),
        of("get", "", "namespaces", null).named(appNamespace),
        of("get", "coordination.k8s.io", "leases", namespace).named(fullName + "-leader"),
        of("patch", "coordination.k8s.io", "leases", namespace).named(fullName + "-leader"));

    for (AccessReview.Request request : needed) {
      assertThat(review.allows(request)).as("allowed: %s", request).isTrue();
    }
  }

  @Test
  void unneededRightsAreDenied() {
    AccessReview review = new AccessReview(admin, namespace, fullName);
    List<AccessReview.Request> unneeded = List.of(
        of("update", "", "secrets", appNamespace).named("server-tls"),
        of("deletecollection", "", "secrets", appNamespace),
        of("update", CRD_GROUP, "mtlscertificates", appNamespace).named("server"),
        of("delete", CRD_GROUP, "certificateauthorities", appNamespace).named("root"),
        of("update", "networking.istio.io", "gateways", appNamespace).named("kyma-mtls-gateway"),
        of("create", "networking.istio.io", "gateways", appNamespace),
        of("delete", "networking.istio.io", "gateways", appNamespace).named("kyma-mtls-gateway"),
        of("delete", "gateway.networking.k8s.io", "gateways", appNamespace).named("edge"),
        of("update", "cert.gardener.cloud", "certificates", appNamespace).named("kyma-mtls"),
        of("create", "cert.gardener.cloud", "issuers", appNamespace),
        of("update", CRD_GROUP, "certificateauthorities", appNamespace).named("root"),
        of("create", CRD_GROUP, "mtlscertificates", appNamespace),
        of("update", CRD_GROUP, "mtlscertificates", appNamespace).subresource("status").named("server"),
        of("get", "apiextensions.k8s.io", "customresourcedefinitions", null),
        of("delete", "apiextensions.k8s.io", "customresourcedefinitions", null)
            .named("mtlscertificates.pki.mtls-operator.io"),
        of("delete", CRD_GROUP, "mtlscertificates", appNamespace).named("server"),
        of("update", "", "namespaces", null).named(appNamespace),
        of("create", "", "namespaces", null),
        of("update", "", "configmaps", appNamespace).named("root-ca-bundle"),
        of("deletecollection", "", "configmaps", appNamespace),
        of("list", "", "pods", appNamespace),
        of("create", "", "pods", appNamespace),
        of("list", "", "events", appNamespace),
        of("patch", "", "events", appNamespace),
        of("create", "coordination.k8s.io", "leases", namespace),
        of("get", "coordination.k8s.io", "leases", namespace).named("another-lease"),
        of("delete", "coordination.k8s.io", "leases", namespace).named(fullName + "-leader"),
        of("create", "rbac.authorization.k8s.io", "clusterrolebindings", null),
        of("impersonate", "", "serviceaccounts", namespace));

    for (AccessReview.Request request : unneeded) {
      assertThat(review.allows(request)).as("denied: %s", request).isFalse();
    }
  }

  @Test
  void forbiddenRequestsAreDenied() {
    try (KubernetesClient operatorClient = cluster.clientFor(namespace, fullName)) {
      var crdDeletion = catchThrowableOfType(KubernetesClientException.class, () -> operatorClient.apiextensions()
          .v1().customResourceDefinitions().withName("mtlscertificates.pki.mtls-operator.io").delete());
      var podList = catchThrowableOfType(KubernetesClientException.class, () ->
          operatorClient.pods().inNamespace(appNamespace).list());
      var leaseCreation = catchThrowableOfType(KubernetesClientException.class, () ->
          operatorClient.leases().inNamespace(namespace).resource(new LeaseBuilder()
              .withNewMetadata().withName("another-lease").withNamespace(namespace).endMetadata()
              .build()).create());

      assertThat(crdDeletion.getCode()).isEqualTo(403);
      assertThat(podList.getCode()).isEqualTo(403);
      assertThat(leaseCreation.getCode()).isEqualTo(403);
      assertThat(admin.apiextensions().v1().customResourceDefinitions()
          .withName("mtlscertificates.pki.mtls-operator.io").get()).isNotNull();
    }
  }

  private static String describe(HasMetadata object) {
    return object.getKind() + " " + object.getMetadata().getName();
  }
}
