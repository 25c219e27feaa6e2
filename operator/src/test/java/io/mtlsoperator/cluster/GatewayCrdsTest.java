package io.mtlsoperator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.mtlsoperator.testing.SharedCluster;
import io.mtlsoperator.testing.TestNamespaces;
import io.mtlsoperator.testing.cluster.GatewayCrds;
import io.mtlsoperator.testing.cluster.RepositoryRoot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway CRDs from testing/gateway-crds install into the cluster, and its API server then
 * validates Istio Gateways, Gateway API Gateways and Gardener Certificates with their real schemas.
 */
class GatewayCrdsTest {

  private static final ResourceDefinitionContext ISTIO_GATEWAYS = context(
      "networking.istio.io", "v1", "gateways", "Gateway");
  private static final ResourceDefinitionContext GATEWAY_API_GATEWAYS = context(
      "gateway.networking.k8s.io", "v1", "gateways", "Gateway");
  private static final ResourceDefinitionContext GARDENER_CERTIFICATES = context(
      "cert.gardener.cloud", "v1alpha1", "certificates", "Certificate");

  private static KubernetesClient admin;

  @BeforeAll
  static void installGatewayCrds() {
    admin = SharedCluster.get().adminClient();
    GatewayCrds.installMissing(admin, RepositoryRoot.find());
  }

  @Test
  void everyGatewayCrdIsEstablished() {
    for (String name : GatewayCrds.NAMES) {
      CustomResourceDefinition crd = admin.apiextensions().v1().customResourceDefinitions().withName(name).get();

      assertThat(crd).as(name).isNotNull();
      assertThat(crd.getStatus().getConditions())
          .as(name + " conditions")
          .anySatisfy(condition -> {
            assertThat(condition.getType()).isEqualTo("Established");
            assertThat(condition.getStatus()).isEqualTo("True");
          });
    }
  }

  @Test
  void istioGatewayWithMutualTlsIsAccepted() {
    String namespace = TestNamespaces.create(admin, "istio-gateway");

    GenericKubernetesResource created = admin.genericKubernetesResources(ISTIO_GATEWAYS).inNamespace(namespace)
        .resource(istioGateway(namespace, "kyma-mtls-gateway", "MUTUAL")).create();

    Map<String, Object> server = created.get("spec", "servers", 0);
    assertThat(server).containsEntry("hosts", List.of("*.mtls.example.com"));
    assertThat(server).containsEntry("port", Map.of("number", 443, "name", "mtls", "protocol", "HTTPS"));
    assertThat(server).containsEntry("tls", Map.of("mode", "MUTUAL", "credentialName", "kyma-mtls"));
  }

  @Test
  void istioGatewayWithUnknownTlsModeIsRejected() {
    String namespace = TestNamespaces.create(admin, "istio-gateway-bad");
    GenericKubernetesResource gateway = istioGateway(namespace, "strict-gateway", "STRICT");

    assertThatThrownBy(() -> admin.genericKubernetesResources(ISTIO_GATEWAYS).inNamespace(namespace)
        .resource(gateway).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(422);
          assertThat(e.getMessage()).contains("spec.servers[0].tls.mode: Unsupported value: \"STRICT\"");
          assertThat(e.getMessage()).contains("supported values: ").contains("\"MUTUAL\"");
        });
  }

  @Test
  void gatewayApiGatewayKeepsTlsReferences() {
    String namespace = TestNamespaces.create(admin, "gateway-api");
    var gateways = admin.genericKubernetesResources(GATEWAY_API_GATEWAYS).inNamespace(namespace);

    gateways.resource(gatewayApiGateway(namespace, "kyma-mtls-gateway", true)).create();
    GenericKubernetesResource reread = gateways.withName("kyma-mtls-gateway").get();

    Map<String, Object> listener = reread.get("spec", "listeners", 0);
    assertThat(listener).containsEntry("name", "https").containsEntry("port", 443)
        .containsEntry("protocol", "HTTPS").containsEntry("hostname", "*.mtls.example.com");
    // The schema fills in the defaults: mode Terminate and a core-group Secret reference.
    assertThat(reread.<String>get("spec", "listeners", 0, "tls", "mode")).isEqualTo("Terminate");
    assertThat(reread.<Map<String, Object>>get("spec", "listeners", 0, "tls", "certificateRefs", 0))
        .isEqualTo(Map.of("group", "", "kind", "Secret", "name", "kyma-mtls"));

    Map<String, Object> validation = reread.get("spec", "tls", "frontend", "default", "validation");
    assertThat(validation).containsEntry("caCertificateRefs",
        List.of(Map.of("group", "", "kind", "ConfigMap", "name", "kyma-mtls-ca")));
    assertThat(validation).containsEntry("mode", "AllowValidOnly");
  }

  @Test
  void gatewayApiHttpsListenerNeedsCertificate() {
    String namespace = TestNamespaces.create(admin, "gateway-api-bad");
    GenericKubernetesResource gateway = gatewayApiGateway(namespace, "no-certificate", false);

    assertThatThrownBy(() -> admin.genericKubernetesResources(GATEWAY_API_GATEWAYS).inNamespace(namespace)
        .resource(gateway).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(422);
          assertThat(e.getMessage()).contains("certificateRefs or options must be specified when mode is Terminate");
        });
  }

  @Test
  void gardenerCertificateIsAccepted() {
    String namespace = TestNamespaces.create(admin, "gardener-certificate");
    GenericKubernetesResource certificate = resource("cert.gardener.cloud/v1alpha1", "Certificate",
        namespace, "kyma-mtls", Map.of(
            "commonName", "gateway.mtls.example.com",
            "secretName", "kyma-mtls",
            "issuerRef", Map.of("name", "garden")));

    GenericKubernetesResource created = admin.genericKubernetesResources(GARDENER_CERTIFICATES)
        .inNamespace(namespace).resource(certificate).create();

    assertThat(created.<String>get("spec", "commonName")).isEqualTo("gateway.mtls.example.com");
    assertThat(created.<String>get("spec", "secretName")).isEqualTo("kyma-mtls");
    assertThat(created.<String>get("spec", "issuerRef", "name")).isEqualTo("garden");
  }

  private static GenericKubernetesResource istioGateway(String namespace, String name, String tlsMode) {
    Map<String, Object> server = Map.of(
        "port", Map.of("number", 443, "name", "mtls", "protocol", "HTTPS"),
        "tls", Map.of("mode", tlsMode, "credentialName", "kyma-mtls"),
        "hosts", List.of("*.mtls.example.com"));
    return resource("networking.istio.io/v1", "Gateway", namespace, name, Map.of(
        "selector", Map.of("istio", "ingressgateway"),
        "servers", List.of(server)));
  }

  /** Builds a Gateway with one HTTPS listener, with or without the Secret reference that its schema requires. */
  private static GenericKubernetesResource gatewayApiGateway(String namespace, String name, boolean withCertificate) {
    Map<String, Object> listenerTls = withCertificate
        ? Map.of("certificateRefs", List.of(Map.of("kind", "Secret", "name", "kyma-mtls")))
        : Map.of("mode", "Terminate");
    Map<String, Object> listener = Map.of(
        "name", "https",
        "port", 443,
        "protocol", "HTTPS",
        "hostname", "*.mtls.example.com",
        "tls", listenerTls);
    Map<String, Object> frontendValidation = Map.of(
        "caCertificateRefs", List.of(Map.of("group", "", "kind", "ConfigMap", "name", "kyma-mtls-ca")));
    return resource("gateway.networking.k8s.io/v1", "Gateway", namespace, name, Map.of(
        "gatewayClassName", "mtls",
        "listeners", List.of(listener),
        "tls", Map.of("frontend", Map.of("default", Map.of("validation", frontendValidation)))));
  }

  private static GenericKubernetesResource resource(String apiVersion, String kind, String namespace, String name,
      Map<String, Object> spec) {
    GenericKubernetesResource resource = new GenericKubernetesResource();
    resource.setApiVersion(apiVersion);
    resource.setKind(kind);
    resource.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    resource.setAdditionalProperty("spec", spec);
    return resource;
  }

  private static ResourceDefinitionContext context(String group, String version, String plural, String kind) {
    return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withPlural(plural)
        .withKind(kind).withNamespaced(true).build();
  }
}
