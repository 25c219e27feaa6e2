package io.mtlsoperator.gateway;

import static io.mtlsoperator.testing.Resources.awaitNotReady;
import static io.mtlsoperator.testing.Resources.awaitReady;
import static io.mtlsoperator.testing.Resources.certificates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.api.v1alpha1.CertificateUsageName;
import io.mtlsoperator.api.v1alpha1.GatewaySpec;
import io.mtlsoperator.api.v1alpha1.GatewayStatus;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.api.v1alpha1.ObjectReference;
import io.mtlsoperator.certificate.MtlsCertificateReconciler;
import io.mtlsoperator.kube.Conditions;
import io.mtlsoperator.testing.Resources;
import io.mtlsoperator.testing.RunningOperator;
import io.mtlsoperator.testing.SharedCluster;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * spec.gateway with an Istio Gateway (networking.istio.io/v1, the real CRD): the credential
 * Secret in the gateway's namespace, the -cacert trust bundle, the server in MUTUAL mode, and
 * what happens when something is in the way.
 */
class IstioGatewayWiringTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private KubernetesClient client;
  private String namespace;
  private String gatewayNamespace;
  private RunningOperator operator;

  @BeforeEach
  void startOperator() {
    client = SharedCluster.get().adminClient();
    GatewayNamespaces namespaces = GatewayNamespaces.create(client, "istio-app", "istio-pods");
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
  void serverBecomesMutualWithClientTrustBundle() {
    GenericKubernetesResource gateway = client.resource(IstioGateways.gateway(namespace, "kyma-mtls-gateway",
        IstioGateways.server("http", 80, "HTTP", null), IstioGateways.server("mtls", 443, "HTTPS",
            Map.of("mode", "SIMPLE", "minProtocolVersion", "TLSV1_2")))).create();

    MtlsCertificate certificate = awaitReady(client, client.resource(wiredCertificate(spec ->
        spec.setServer("mtls"))).create());

    Secret own = secret(namespace, "kyma-mtls");
    Secret credential = secret(gatewayNamespace, "kyma-mtls");
    assertThat(credential.getType()).isEqualTo("kubernetes.io/tls");
    assertThat(credential.getData()).containsOnlyKeys("tls.crt", "tls.key");
    assertThat(credential.getData().get("tls.crt")).isEqualTo(own.getData().get("tls.crt"));
    assertThat(credential.getData().get("tls.key")).isEqualTo(own.getData().get("tls.key"));

    List<X509Certificate> trusted = certificates(secret(gatewayNamespace, "kyma-mtls-cacert"), "cacert");
    assertThat(trusted).containsExactly(anchor("client-root"));

    Map<String, Object> server = IstioGateways.servers(client.resource(gateway).get()).get(1);
    Map<String, Object> tls = IstioGateways.map(server.get("tls"));
    assertThat(tls).containsEntry("mode", "MUTUAL").containsEntry("credentialName", "kyma-mtls")
        .containsEntry("minProtocolVersion", "TLSV1_2");
    assertThat(IstioGateways.servers(client.resource(gateway).get()).get(0)).doesNotContainKey("tls");

    GatewayStatus wired = certificate.getStatus().getGateway();
    assertThat(wired.getGateway()).isEqualTo("networking.istio.io/v1 Gateway " + namespace + "/kyma-mtls-gateway");
    assertThat(wired.getServer()).isEqualTo("mtls");
    assertThat(wired.getCredentialSecret()).isEqualTo(gatewayNamespace + "/kyma-mtls");
    assertThat(wired.getClientTrustBundle()).isEqualTo("Secret " + gatewayNamespace + "/kyma-mtls-cacert key cacert");
    assertThat(wired.getClientAuthorities()).containsExactly(namespace + "/client-root");
    assertThat(wired.getTrustedCertificates()).isEqualTo(1);
    assertThat(wired.getGatewayMatches()).isTrue();
    assertThat(condition(certificate).getStatus()).isEqualTo("True");
    Resources.assertHasEvent(client, certificate, "GatewayConfigured");
  }

  @Test
  void clientAuthorityRotationKeepsOldAndNewTrusted() {
    client.resource(IstioGateways.gateway(namespace, "gw", IstioGateways.server("mtls", 443, "HTTPS", null)))
        .create();
    awaitReady(client, client.resource(wiredCertificate(gateway -> gateway.setName("gw"))).create());
    X509Certificate oldRoot = anchor("client-root");
    CertificateAuthority clientRoot = client.resources(CertificateAuthority.class).inNamespace(namespace)
        .withName("client-root").get();

    Resources.requestRenewal(client, clientRoot, "rotate-now");

    await().atMost(TIMEOUT).untilAsserted(() -> {
      List<X509Certificate> trusted = certificates(secret(gatewayNamespace, "kyma-mtls-cacert"), "cacert");
      assertThat(trusted).hasSize(2).contains(oldRoot);
    });
    List<X509Certificate> trusted = certificates(secret(gatewayNamespace, "kyma-mtls-cacert"), "cacert");
    assertThat(trusted.stream().filter(c -> !c.equals(oldRoot)).findFirst().orElseThrow().getPublicKey())
        .as("the new client root has a new key").isNotEqualTo(oldRoot.getPublicKey());
  }

  @Test
  void foreignServerIsReportedNotChanged() {
    GenericKubernetesResource gateway = client.resource(IstioGateways.gateway(namespace, "kyma-mtls-gateway",
        IstioGateways.server("mtls", 443, "HTTPS", Map.of("mode", "SIMPLE", "credentialName", "someone-else"))))
        .create();

    MtlsCertificate certificate = client.resource(wiredCertificate(spec -> { })).create();

    Condition ready = awaitNotReady(client, certificate, "GatewayServerConflict");
    assertThat(ready.getMessage()).contains("credentialName someone-else").contains("spec.gateway.credentialName");
    Map<String, Object> tls = IstioGateways.map(IstioGateways.servers(client.resource(gateway).get()).get(0)
        .get("tls"));
    assertThat(tls).containsEntry("mode", "SIMPLE").containsEntry("credentialName", "someone-else");
    assertThat(condition(client.resource(certificate).get()).getStatus()).isEqualTo("False");
    assertThat(client.resource(certificate).get().getStatus().getNotAfter())
        .as("the certificate itself is issued").isNotNull();
    Resources.assertHasEvent(client, certificate, "GatewayServerConflict");
  }

  @Test
  void gatewayEditsAreNoticedWithoutWaitingForRecheck() {
    GenericKubernetesResource gateway = client.resource(IstioGateways.gateway(namespace, "kyma-mtls-gateway",
        IstioGateways.server("mtls", 443, "HTTPS", null))).create();
    MtlsCertificate certificate = awaitReady(client, client.resource(wiredCertificate(spec -> { })).create());

    setServerTls(gateway, Map.of("mode", "SIMPLE", "credentialName", "kyma-mtls"));

    // Well under the one-minute recheck: the Gateway informer triggers the reconcile.
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(IstioGateways.map(IstioGateways.servers(client.resource(gateway).get()).get(0).get("tls")))
            .containsEntry("mode", "MUTUAL"));

    setServerTls(gateway, Map.of("mode", "SIMPLE", "credentialName", "another-credential"));

    Condition ready = await().atMost(Duration.ofSeconds(20)).until(() -> Conditions.find(
            client.resource(certificate).get().getStatus().getConditions(), "Ready").orElseThrow(),
        condition -> "GatewayServerConflict".equals(condition.getReason()));
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(IstioGateways.map(IstioGateways.servers(client.resource(gateway).get()).get(0).get("tls")))
        .containsEntry("credentialName", "another-credential");
  }

  @Test
  void ambiguousServerIsReported() {
    client.resource(IstioGateways.gateway(namespace, "kyma-mtls-gateway",
        IstioGateways.server("http", 80, "HTTP", null), IstioGateways.server("mtls", 443, "HTTPS", null))).create();

    MtlsCertificate certificate = client.resource(wiredCertificate(spec -> { })).create();

    Condition ready = awaitNotReady(client, certificate, "GatewayServerNotFound");
    assertThat(ready.getMessage()).contains("[http, mtls]").contains("spec.gateway.server");
  }

  @Test
  void credentialNamespaceMustBeAllowed() {
    operator.close();
    operator = RunningOperator.watching(client, namespace, gatewayNamespace);
    client.resource(IstioGateways.gateway(namespace, "kyma-mtls-gateway",
        IstioGateways.server("mtls", 443, "HTTPS", null))).create();

    MtlsCertificate certificate = client.resource(wiredCertificate(spec -> { })).create();

    Condition ready = awaitNotReady(client, certificate, "CredentialNamespaceNotAllowed");
    assertThat(ready.getMessage()).contains(gatewayNamespace).contains("gateway.credentialNamespaces");
    assertThat(secret(gatewayNamespace, "kyma-mtls")).isNull();
    assertThat(secret(gatewayNamespace, "kyma-mtls-cacert")).isNull();
  }

  @Test
  void foreignCredentialSecretIsLeftAlone() {
    client.resource(IstioGateways.gateway(namespace, "kyma-mtls-gateway",
        IstioGateways.server("mtls", 443, "HTTPS", null))).create();
    client.resource(new SecretBuilder().withNewMetadata().withNamespace(gatewayNamespace).withName("kyma-mtls")
        .endMetadata().addToStringData("tls.crt", "someone else's").build()).create();

    MtlsCertificate certificate = client.resource(wiredCertificate(spec -> { })).create();

    Condition ready = awaitNotReady(client, certificate, "CredentialSecretNotOwned");
    assertThat(ready.getMessage()).contains(gatewayNamespace + "/kyma-mtls");
    assertThat(secret(gatewayNamespace, "kyma-mtls").getData()).containsOnlyKeys("tls.crt");
  }

  @Test
  void missingGatewayIsReportedUntilItAppears() {
    MtlsCertificate certificate = client.resource(wiredCertificate(spec -> { })).create();

    Condition ready = awaitNotReady(client, certificate, "GatewayNotFound");
    assertThat(ready.getMessage()).contains(namespace + "/kyma-mtls-gateway");

    client.resource(IstioGateways.gateway(namespace, "kyma-mtls-gateway",
        IstioGateways.server("mtls", 443, "HTTPS", null))).create();
    awaitReady(client, certificate);
  }

  @Test
  void deletionRemovesGatewayObjectsAndKeepsGateway() {
    GenericKubernetesResource gateway = client.resource(IstioGateways.gateway(namespace, "kyma-mtls-gateway",
        IstioGateways.server("mtls", 443, "HTTPS", null))).create();
    MtlsCertificate certificate = awaitReady(client, client.resource(wiredCertificate(spec -> { })).create());
    assertThat(certificate.getMetadata().getFinalizers()).contains(MtlsCertificateReconciler.GATEWAY_FINALIZER);

    client.resource(certificate).delete();

    await().atMost(TIMEOUT).untilAsserted(() -> {
      assertThat(client.resource(certificate).get()).isNull();
      assertThat(secret(gatewayNamespace, "kyma-mtls")).isNull();
      assertThat(secret(gatewayNamespace, "kyma-mtls-cacert")).isNull();
    });
    assertThat(client.resource(gateway).get()).as("the Gateway belongs to its user").isNotNull();
  }

  @Test
  void renamedCredentialReplacesOldObjects() {
    GenericKubernetesResource gateway = client.resource(IstioGateways.gateway(namespace, "kyma-mtls-gateway",
        IstioGateways.server("mtls", 443, "HTTPS", null))).create();
    MtlsCertificate certificate = awaitReady(client, client.resource(wiredCertificate(spec -> { })).create());

    client.resources(MtlsCertificate.class).inNamespace(namespace).withName(certificate.getMetadata().getName())
        .edit(current -> {
          current.getSpec().getGateway().setCredentialName("kyma-mtls-v2");
          current.getSpec().getGateway().setServer("mtls");
          return current;
        });

    await().atMost(TIMEOUT).untilAsserted(() -> {
      assertThat(secret(gatewayNamespace, "kyma-mtls-v2")).isNotNull();
      assertThat(secret(gatewayNamespace, "kyma-mtls-v2-cacert")).isNotNull();
      assertThat(secret(gatewayNamespace, "kyma-mtls")).isNull();
      assertThat(secret(gatewayNamespace, "kyma-mtls-cacert")).isNull();
    });
    MtlsCertificate renamed = await().atMost(TIMEOUT).until(() -> client.resource(certificate).get(), current ->
        (gatewayNamespace + "/kyma-mtls-v2").equals(current.getStatus().getGateway().getCredentialSecret()));
    assertThat(Conditions.isTrue(renamed.getStatus().getConditions(), "Ready")).isTrue();
    assertThat(IstioGateways.map(IstioGateways.servers(client.resource(gateway).get()).get(0).get("tls")))
        .as("the server the operator wired before follows the new name")
        .containsEntry("credentialName", "kyma-mtls-v2");
  }

  @Test
  void removingGatewaySpecRemovesObjectsAndFinalizer() {
    client.resource(IstioGateways.gateway(namespace, "kyma-mtls-gateway",
        IstioGateways.server("mtls", 443, "HTTPS", null))).create();
    MtlsCertificate certificate = awaitReady(client, client.resource(wiredCertificate(spec -> { })).create());

    client.resources(MtlsCertificate.class).inNamespace(namespace).withName(certificate.getMetadata().getName())
        .edit(current -> {
          current.getSpec().setGateway(null);
          return current;
        });

    await().atMost(TIMEOUT).untilAsserted(() -> {
      MtlsCertificate current = client.resource(certificate).get();
      assertThat(current.getMetadata().getFinalizers()).doesNotContain(MtlsCertificateReconciler.GATEWAY_FINALIZER);
      assertThat(current.getStatus().getConditions()).extracting(Condition::getType)
          .doesNotContain(MtlsCertificateReconciler.GATEWAY_CONFIGURED);
      assertThat(secret(gatewayNamespace, "kyma-mtls")).isNull();
      assertThat(secret(gatewayNamespace, "kyma-mtls-cacert")).isNull();
    });
    assertThat(secret(namespace, "kyma-mtls")).as("the certificate's own Secret stays").isNotNull();
  }

  private void setServerTls(GenericKubernetesResource gateway, Map<String, Object> tls) {
    String patch = client.getKubernetesSerialization().asJson(List.of(Map.of("op", "replace",
        "path", "/spec/servers/0/tls", "value", tls)));
    client.resource(gateway).patch(PatchContext.of(PatchType.JSON), patch);
  }

  private MtlsCertificate wiredCertificate(Consumer<GatewaySpec> customizer) {
    return Resources.certificate(namespace, "gateway-server", "server-root", CertificateUsageName.Server, spec -> {
      spec.setSecretName("kyma-mtls");
      spec.setDnsNames(List.of("*.mtls.example.com"));
      GatewaySpec gateway = new GatewaySpec();
      gateway.setName("kyma-mtls-gateway");
      gateway.setCredentialNamespace(gatewayNamespace);
      gateway.setClientAuthorities(List.of(new ObjectReference("client-root", null)));
      customizer.accept(gateway);
      spec.setGateway(gateway);
    });
  }

  private X509Certificate anchor(String authority) {
    return certificates(secret(namespace, authority + "-ca"), "tls.crt").get(0);
  }

  private Condition condition(MtlsCertificate certificate) {
    return Conditions.find(certificate.getStatus().getConditions(), MtlsCertificateReconciler.GATEWAY_CONFIGURED)
        .orElseThrow();
  }

  private Secret secret(String secretNamespace, String name) {
    return client.secrets().inNamespace(secretNamespace).withName(name).get();
  }
}
