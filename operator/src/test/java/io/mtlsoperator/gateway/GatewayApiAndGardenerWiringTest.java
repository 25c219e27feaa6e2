package io.mtlsoperator.gateway;

import static io.mtlsoperator.testing.Resources.awaitNotReady;
import static io.mtlsoperator.testing.Resources.awaitReady;
import static io.mtlsoperator.testing.Resources.certificates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mtlsoperator.api.v1alpha1.CertificateUsageName;
import io.mtlsoperator.api.v1alpha1.GatewayKind;
import io.mtlsoperator.api.v1alpha1.GatewaySpec;
import io.mtlsoperator.api.v1alpha1.IssuerKind;
import io.mtlsoperator.api.v1alpha1.IssuerReference;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.api.v1alpha1.ObjectReference;
import io.mtlsoperator.kube.SecretData;
import io.mtlsoperator.pki.CaMaterial;
import io.mtlsoperator.pki.CaRequest;
import io.mtlsoperator.pki.CertificateIssuer;
import io.mtlsoperator.pki.CertificateUsage;
import io.mtlsoperator.pki.KeyAlgorithm;
import io.mtlsoperator.pki.KeyPairFactory;
import io.mtlsoperator.pki.KeySpec;
import io.mtlsoperator.pki.LeafRequest;
import io.mtlsoperator.pki.Pem;
import io.mtlsoperator.pki.PrivateKeyEncoding;
import io.mtlsoperator.pki.SubjectAlternativeNames;
import io.mtlsoperator.pki.SubjectName;
import io.mtlsoperator.testing.Resources;
import io.mtlsoperator.testing.RunningOperator;
import io.mtlsoperator.testing.SharedCluster;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * spec.gateway with a Gateway API Gateway, and server certificates issued by Gardener, against
 * the real CRDs of Gateway API v1.6.3 and Gardener cert-management v0.22.0. No Gardener
 * controller runs here, so the test plays its part: it marks the Gardener Certificate Ready and
 * writes the Secret, as cert-management would.
 */
class GatewayApiAndGardenerWiringTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private KubernetesClient client;
  private String namespace;
  private String gatewayNamespace;
  private RunningOperator operator;

  @BeforeEach
  void startOperator() {
    client = SharedCluster.get().adminClient();
    GatewayNamespaces namespaces = GatewayNamespaces.create(client, "gwapi-app", "gardener-pods");
    namespace = namespaces.application();
    gatewayNamespace = namespaces.gateway();
    operator = namespaces.startOperator();
    awaitReady(client, client.resource(Resources.selfSignedAuthority(namespace, "server-root")).create());
    awaitReady(client, client.resource(Resources.selfSignedAuthority(namespace, "client-root")).create());
  }

  @AfterEach
  void stopOperator() {
    operator.close();
  }

  @Test
  void gatewayApiListenerGetsCertificateAndClientValidation() {
    GenericKubernetesResource gateway = client.resource(gatewayApiGateway()).create();

    MtlsCertificate certificate = awaitReady(client, client.resource(Resources.certificate(namespace, "api",
        "server-root", CertificateUsageName.Server, spec -> {
          spec.setSecretName("api-tls");
          GatewaySpec wiring = new GatewaySpec();
          wiring.setKind(GatewayKind.GatewayAPI);
          wiring.setName("edge");
          wiring.setServer("https");
          wiring.setClientAuthorities(List.of(new ObjectReference("client-root", null)));
          spec.setGateway(wiring);
        })).create());

    Map<String, Object> spec = IstioGateways.map(client.resource(gateway).get().getAdditionalProperties().get("spec"));
    Map<String, Object> listener = IstioGateways.map(((List<?>) spec.get("listeners")).get(1));
    Map<String, Object> listenerTls = IstioGateways.map(listener.get("tls"));
    assertThat(listenerTls).containsEntry("mode", "Terminate");
    assertThat((List<?>) listenerTls.get("certificateRefs")).singleElement()
        .satisfies(reference -> assertThat(IstioGateways.map(reference)).containsEntry("name", "api-tls")
            .containsEntry("kind", "Secret").doesNotContainKey("namespace"));
    Map<String, Object> frontend = IstioGateways.map(IstioGateways.map(spec.get("tls")).get("frontend"));
    assertThat((List<?>) frontend.get("perPort")).singleElement().satisfies(entry -> {
      assertThat(IstioGateways.map(entry)).containsEntry("port", 443);
      Map<String, Object> validation = IstioGateways.map(IstioGateways.map(IstioGateways.map(entry).get("tls"))
          .get("validation"));
      assertThat((List<?>) validation.get("caCertificateRefs")).singleElement().satisfies(reference ->
          assertThat(IstioGateways.map(reference)).containsEntry("kind", "ConfigMap")
              .containsEntry("name", "api-tls-cacert"));
    });
    assertThat(IstioGateways.map(frontend.get("default"))).as("the default validation is the user's")
        .containsKey("validation");

    ConfigMap trust = client.configMaps().inNamespace(namespace).withName("api-tls-cacert").get();
    assertThat(Pem.parseCertificates(trust.getData().get("ca.crt"))).containsExactly(anchor("client-root"));
    assertThat(client.secrets().inNamespace(namespace).withName("api-tls").get()).isNotNull();
    assertThat(certificate.getStatus().getGateway().getGateway())
        .isEqualTo("gateway.networking.k8s.io/v1 Gateway " + namespace + "/edge");
    assertThat(certificate.getStatus().getGateway().getServer()).isEqualTo("https");
  }

  @Test
  void gardenerIssuerLeavesGardenerSecret() throws Exception {
    client.resource(IstioGateways.gateway(namespace, "kyma-mtls-gateway",
        IstioGateways.server("mtls", 443, "HTTPS", null))).create();

    MtlsCertificate certificate = client.resource(gardenerCertificate()).create();

    awaitNotReady(client, certificate, "GardenerCertificateNotReady");
    GenericKubernetesResource gardener = client.genericKubernetesResources("cert.gardener.cloud/v1alpha1",
        "Certificate").inNamespace(gatewayNamespace).withName("kyma-mtls").get();
    Map<String, Object> gardenerSpec = IstioGateways.map(gardener.getAdditionalProperties().get("spec"));
    assertThat(gardenerSpec).containsEntry("secretName", "kyma-mtls")
        .containsEntry("commonName", "*.mtls.example.com")
        .containsEntry("issuerRef", Map.of("name", "garden"));

    Secret delivered = actAsGardener(gardener);

    MtlsCertificate ready = awaitReady(client, certificate);
    assertThat(ready.getStatus().getGateway().getServerCertificateSource())
        .isEqualTo("Gardener Certificate " + gatewayNamespace + "/kyma-mtls");
    assertThat(ready.getStatus().getSerialNumber()).isNotBlank();
    Secret after = client.secrets().inNamespace(gatewayNamespace).withName("kyma-mtls").get();
    assertThat(after.getData()).isEqualTo(delivered.getData());
    assertThat(after.getMetadata().getLabels()).as("Gardener's Secret is not the operator's").isNullOrEmpty();
    assertThat(certificates(client.secrets().inNamespace(gatewayNamespace).withName("kyma-mtls-cacert").get(),
        "cacert")).as("client trust comes from the client CA, never from Gardener's ca.crt")
        .containsExactly(anchor("client-root"));
    assertThat(client.secrets().inNamespace(namespace).withName("kyma-mtls").get())
        .as("no Secret of its own for a Gardener-issued certificate").isNull();

    client.resource(ready).delete();
    await().atMost(TIMEOUT).untilAsserted(() -> {
      assertThat(client.resource(gardener).get()).isNull();
      assertThat(client.secrets().inNamespace(gatewayNamespace).withName("kyma-mtls-cacert").get()).isNull();
    });
  }

  @Test
  void gardenerCertificateOfUserIsUsedNotDuplicated() throws Exception {
    client.resource(IstioGateways.gateway(namespace, "kyma-mtls-gateway",
        IstioGateways.server("mtls", 443, "HTTPS", null))).create();
    GenericKubernetesResource domainCertificate = client.resource(new GenericKubernetesResourceBuilder()
        .withApiVersion("cert.gardener.cloud/v1alpha1").withKind("Certificate")
        .withNewMetadata().withNamespace(gatewayNamespace).withName("domain-certificate").endMetadata()
        .addToAdditionalProperties("spec", Map.of("secretName", "kyma-mtls", "commonName", "*.mtls.example.com",
            "issuerRef", Map.of("name", "garden")))
        .build()).create();
    actAsGardener(domainCertificate);

    MtlsCertificate ready = awaitReady(client, client.resource(gardenerCertificate()).create());

    assertThat(ready.getStatus().getGateway().getServerCertificateSource())
        .isEqualTo("Gardener Certificate " + gatewayNamespace + "/domain-certificate");
    assertThat(client.genericKubernetesResources("cert.gardener.cloud/v1alpha1", "Certificate")
        .inNamespace(gatewayNamespace).list().getItems()).extracting(item -> item.getMetadata().getName())
        .containsExactly("domain-certificate");
  }

  @Test
  void gardenerIssuerRejectsClientUsage() {
    MtlsCertificate certificate = gardenerCertificate();
    certificate.getSpec().setUsage(CertificateUsageName.Client);
    certificate.getSpec().setGateway(null);

    assertThatThrownBy(() -> client.resource(certificate).create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("a GardenerIssuer issues server certificates only");
  }

  @Test
  void gardenerIssuerRejectsRenewBefore() {
    MtlsCertificate certificate = gardenerCertificate();
    certificate.getSpec().setRenewBefore("240h");

    assertThatThrownBy(() -> client.resource(certificate).create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("Gardener decides when to renew");
  }

  @Test
  void gardenerGatewayRequiresClientAuthorities() {
    MtlsCertificate certificate = gardenerCertificate();
    certificate.getSpec().getGateway().setClientAuthorities(null);

    assertThatThrownBy(() -> client.resource(certificate).create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.gateway.clientAuthorities is required");
  }

  private MtlsCertificate gardenerCertificate() {
    return Resources.certificate(namespace, "domain", "garden", CertificateUsageName.Server, spec -> {
      IssuerReference issuer = new IssuerReference("garden", null);
      issuer.setKind(IssuerKind.GardenerIssuer);
      spec.setIssuerRef(issuer);
      spec.setSecretName("kyma-mtls");
      spec.setCommonName("*.mtls.example.com");
      spec.setDnsNames(null);
      GatewaySpec wiring = new GatewaySpec();
      wiring.setName("kyma-mtls-gateway");
      wiring.setCredentialNamespace(gatewayNamespace);
      wiring.setClientAuthorities(List.of(new ObjectReference("client-root", null)));
      spec.setGateway(wiring);
    });
  }

  /** Does what cert-management does once the ACME order is done: writes the Secret and reports Ready. */
  private Secret actAsGardener(GenericKubernetesResource gardener) throws Exception {
    KeyPair caKey = new KeyPairFactory().generate(new KeySpec(KeyAlgorithm.ECDSA, 256));
    CertificateIssuer issuer = new CertificateIssuer(Clock.systemUTC());
    CaMaterial acme = issuer.selfSignedRoot(new CaRequest(SubjectName.ofCommonName("Test ACME intermediate"),
        Duration.ofDays(90), null, null), caKey);
    KeyPair serverKey = new KeyPairFactory().generate(new KeySpec(KeyAlgorithm.ECDSA, 256));
    X509Certificate leaf = issuer.leaf(new LeafRequest(null, SubjectAlternativeNames.ofDnsNames("*.mtls.example.com"),
        CertificateUsage.SERVER, Duration.ofDays(30)), serverKey.getPublic(), acme);
    Secret secret = client.resource(new SecretBuilder().withNewMetadata().withNamespace(gatewayNamespace)
            .withName("kyma-mtls").endMetadata().withType("kubernetes.io/tls")
            .addToData("tls.crt", SecretData.encode(Pem.encodeCertificates(List.of(leaf))))
            .addToData("tls.key", SecretData.encode(Pem.encodePrivateKey(serverKey.getPrivate(),
                PrivateKeyEncoding.PKCS8)))
            .addToData("ca.crt", SecretData.encode(Pem.encodeCertificates(List.of(acme.certificate()))))
            .build())
        .create();

    GenericKubernetesResource withStatus = client.resource(gardener).get();
    withStatus.getAdditionalProperties().put("status", Map.of("state", "Ready", "message", "certificate issued"));
    client.resource(withStatus).updateStatus();
    return secret;
  }

  private GenericKubernetesResource gatewayApiGateway() {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("gateway.networking.k8s.io/v1").withKind("Gateway")
        .withNewMetadata().withNamespace(namespace).withName("edge").endMetadata()
        .addToAdditionalProperties("spec", Map.of(
            "gatewayClassName", "istio",
            "listeners", List.of(
                Map.of("name", "http", "port", 80, "protocol", "HTTP"),
                Map.of("name", "https", "port", 443, "protocol", "HTTPS", "hostname", "api.example.com",
                    "tls", Map.of("mode", "Terminate", "options", Map.of("example.com/placeholder", "yes")))),
            "tls", Map.of("frontend", Map.of("default", Map.of("validation", Map.of("caCertificateRefs",
                List.of(Map.of("group", "", "kind", "ConfigMap", "name", "company-ca"))))))))
        .build();
  }

  private X509Certificate anchor(String authority) {
    return certificates(client.secrets().inNamespace(namespace).withName(authority + "-ca").get(), "tls.crt")
        .get(0);
  }
}
