package io.mtlsoperator.deploy;

import static io.mtlsoperator.deploy.AccessReview.Request.of;
import static io.mtlsoperator.testing.Resources.awaitReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mtlsoperator.MtlsOperator;
import io.mtlsoperator.OperatorSettings;
import io.mtlsoperator.api.v1alpha1.CertificateUsageName;
import io.mtlsoperator.api.v1alpha1.GatewaySpec;
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
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The chart installed with watchNamespaces and gateway.credentialNamespaces set: the operator
 * works in the listed namespace, writes gateway credentials into the credential namespace, and
 * its ServiceAccount cannot read Secrets or namespaces anywhere else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListedNamespacesInstallTest {

  private TestCluster cluster;
  private KubernetesClient admin;
  private Path kubeconfig;
  private String namespace;
  private String release;
  private String fullName;
  private String listedNamespace;
  private String otherNamespace;
  private String credentialNamespace;

  @BeforeAll
  void installChart() throws IOException {
    cluster = SharedCluster.get();
    admin = cluster.adminClient();
    namespace = TestNamespaces.create(admin, "listed");
    listedNamespace = TestNamespaces.create(admin, "listed-app");
    otherNamespace = TestNamespaces.create(admin, "unlisted-app");
    credentialNamespace = TestNamespaces.create(admin, "listed-gateway-pods");
    release = namespace;
    fullName = release + "-mtls-operator";
    kubeconfig = Files.createTempFile("mtls-operator-chart", ".kubeconfig");
    Files.writeString(kubeconfig, cluster.adminKubeconfig());

    // The shared cluster has the CRDs from crds/ already, which the chart carries unchanged.
    Helm.run(kubeconfig, "install", release, Helm.chartDirectory().toString(), "--namespace", namespace,
        "--skip-crds", "--set", "watchNamespaces={" + listedNamespace + "}",
        "--set", "gateway.credentialNamespaces={" + credentialNamespace + "}", "--set", "replicaCount=1",
        "--set", "leaderElection.enabled=false").requireSuccess();
    // The RBAC authorizer reads bindings from its own cache, so a new binding takes a moment to apply.
    AccessReview review = new AccessReview(admin, namespace, fullName);
    await().atMost(Duration.ofSeconds(30)).until(() ->
        review.allows(of("list", "pki.mtls-operator.io", "mtlscertificates", listedNamespace)));
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
  void operatorIssuesInListedNamespace() {
    OperatorSettings settings = new OperatorSettings(Clock.systemUTC(), Set.of(listedNamespace));

    try (KubernetesClient operatorClient = cluster.clientFor(namespace, fullName);
        MtlsOperator operator = MtlsOperator.create(operatorClient, settings)) {
      operator.start();
      awaitReady(admin, admin.resource(Resources.selfSignedAuthority(listedNamespace, "root")).create());
      awaitReady(admin, admin.resource(Resources.certificate(listedNamespace, "client", "root",
          CertificateUsageName.Client, spec -> { })).create());

      assertThat(admin.secrets().inNamespace(listedNamespace).withName("client-tls").get()).isNotNull();
    }
  }

  @Test
  void gatewayWiringWritesIntoCredentialNamespace() {
    OperatorSettings settings = new OperatorSettings(Clock.systemUTC(), Set.of(listedNamespace))
        .withGatewayCredentialNamespaces(Set.of(credentialNamespace));

    try (KubernetesClient operatorClient = cluster.clientFor(namespace, fullName);
        MtlsOperator operator = MtlsOperator.create(operatorClient, settings)) {
      operator.start();
      awaitReady(admin, admin.resource(Resources.selfSignedAuthority(listedNamespace, "gateway-root")).create());
      admin.resource(new GenericKubernetesResourceBuilder().withApiVersion("networking.istio.io/v1")
          .withKind("Gateway").withNewMetadata().withNamespace(listedNamespace).withName("mtls").endMetadata()
          .addToAdditionalProperties("spec", Map.of("servers", List.of(Map.of("port",
              Map.of("number", 443, "name", "mtls", "protocol", "HTTPS"), "hosts", List.of("*.example.com")))))
          .build()).create();
      awaitReady(admin, admin.resource(Resources.certificate(listedNamespace, "server", "gateway-root",
          CertificateUsageName.Server, spec -> {
            GatewaySpec wiring = new GatewaySpec();
            wiring.setName("mtls");
            wiring.setCredentialNamespace(credentialNamespace);
            spec.setGateway(wiring);
          })).create());

      assertThat(admin.secrets().inNamespace(credentialNamespace).withName("server-tls").get()).isNotNull();
      assertThat(admin.secrets().inNamespace(credentialNamespace).withName("server-tls-cacert").get()).isNotNull();
    }
  }

  @Test
  void secretsOutsideListedNamespacesAreForbidden() {
    try (KubernetesClient operatorClient = cluster.clientFor(namespace, fullName)) {
      var denied = catchThrowableOfType(KubernetesClientException.class, () ->
          operatorClient.secrets().inNamespace(otherNamespace).list());
      var allowed = operatorClient.secrets().inNamespace(listedNamespace).list();

      assertThat(denied.getCode()).isEqualTo(403);
      assertThat(allowed.getItems()).isNotNull();
    }
  }

  @Test
  void rightsStopAtListedNamespaces() {
    AccessReview review = new AccessReview(admin, namespace, fullName);

    assertThat(review.allows(of("get", "", "secrets", listedNamespace).named("root-ca"))).isTrue();
    assertThat(review.allows(of("get", "", "secrets", otherNamespace).named("root-ca"))).isFalse();
    assertThat(review.allows(of("create", "", "secrets", credentialNamespace))).isTrue();
    assertThat(review.allows(of("create", "", "secrets", otherNamespace))).isFalse();
    assertThat(review.allows(of("list", "pki.mtls-operator.io", "mtlscertificates", credentialNamespace)))
        .as("the credential namespace gets gateway objects only").isFalse();
    assertThat(review.allows(of("patch", "networking.istio.io", "gateways", listedNamespace))).isTrue();
    assertThat(review.allows(of("patch", "networking.istio.io", "gateways", otherNamespace))).isFalse();
    assertThat(review.allows(of("list", "", "secrets", null))).isFalse();
    assertThat(review.allows(of("list", "pki.mtls-operator.io", "mtlscertificates", null))).isFalse();
    assertThat(review.allows(of("get", "", "namespaces", null).named(listedNamespace))).isTrue();
    assertThat(review.allows(of("get", "", "namespaces", null).named(otherNamespace))).isFalse();
  }
}
