package io.mtlsoperator.rotation;

import static io.mtlsoperator.testing.Resources.awaitReady;
import static io.mtlsoperator.testing.Resources.certificates;
import static io.mtlsoperator.testing.Resources.requestRenewal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.api.v1alpha1.CertificateUsageName;
import io.mtlsoperator.api.v1alpha1.SelfSigned;
import io.mtlsoperator.api.v1alpha1.TrustBundleKind;
import io.mtlsoperator.api.v1alpha1.TrustBundleTarget;
import io.mtlsoperator.OperatorSettings;
import io.mtlsoperator.kube.Conditions;
import io.mtlsoperator.kube.SecretData;
import io.mtlsoperator.pki.Pem;
import io.mtlsoperator.testing.Resources;
import io.mtlsoperator.testing.RunningOperator;
import io.mtlsoperator.testing.SharedCluster;
import io.mtlsoperator.testing.TestNamespaces;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** spec.trustBundles publishes the trust anchors into other namespaces and keeps them current. */
class TrustBundleTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private KubernetesClient client;
  private String namespace;
  private String gatewayNamespace;
  private String selectorValue;
  private RunningOperator operator;

  @BeforeEach
  void startOperator() {
    client = SharedCluster.get().adminClient();
    namespace = TestNamespaces.create(client, "bundle-source");
    gatewayNamespace = TestNamespaces.create(client, "bundle-gateway");
    selectorValue = UUID.randomUUID().toString().substring(0, 8);
    operator = RunningOperator.watching(client, namespace, gatewayNamespace);
  }

  @AfterEach
  void stopOperator() {
    operator.close();
  }

  @Test
  void bundlesFollowRotationAndNewNamespaces() {
    // A namespace created later is reachable only by an operator that watches every namespace.
    operator.close();
    operator = RunningOperator.start(new OperatorSettings(Clock.systemUTC(), Set.of()));
    CertificateAuthority root = awaitReady(client, client.resource(authorityWithBundles("5s")).create());
    X509Certificate oldRoot = certificates(secret(namespace, "root-ca"), "tls.crt").get(0);
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(gatewaySecretAnchors()).containsExactly(oldRoot));

    String late = createLabelledNamespace();
    await().atMost(TIMEOUT).untilAsserted(() ->
        assertThat(configMapAnchors(late)).containsExactly(oldRoot));

    requestRenewal(client, root, "rotate");
    await().atMost(TIMEOUT).untilAsserted(() -> {
      assertThat(gatewaySecretAnchors()).hasSize(2).contains(oldRoot);
      assertThat(configMapAnchors(late)).hasSize(2).contains(oldRoot);
    });
    CertificateAuthority ready = client.resource(root).get();
    assertThat(Conditions.isTrue(ready.getStatus().getConditions(), "TrustBundlesReady")).isTrue();
  }

  @Test
  void foreignObjectIsLeftAndReported() {
    client.resource(new ConfigMapBuilder().withNewMetadata().withName("mesh-ca").withNamespace(gatewayNamespace)
        .endMetadata().addToData("ca.crt", "someone else's bundle").build()).create();
    CertificateAuthority root = client.resource(Resources.authority(namespace, "root", spec -> {
      spec.setSelfSigned(new SelfSigned());
      TrustBundleTarget target = new TrustBundleTarget();
      target.setName("mesh-ca");
      target.setNamespaces(List.of(gatewayNamespace));
      spec.setTrustBundles(List.of(target));
    })).create();

    awaitReady(client, root);

    var condition = await().atMost(TIMEOUT).until(() -> Conditions.find(client.resource(root).get().getStatus()
        .getConditions(), "TrustBundlesReady"), found -> found.isPresent()).orElseThrow();
    assertThat(condition.getStatus()).isEqualTo("False");
    assertThat(condition.getMessage()).contains("ConfigMap " + gatewayNamespace + "/mesh-ca");
    assertThat(client.configMaps().inNamespace(gatewayNamespace).withName("mesh-ca").get().getData())
        .containsEntry("ca.crt", "someone else's bundle");
  }

  @Test
  void deletedAuthorityRemovesBundlesAndReportsUsers() {
    CertificateAuthority root = awaitReady(client, client.resource(authorityWithBundles("2m")).create());
    awaitReady(client, client.resource(Resources.certificate(namespace, "user", "root",
        CertificateUsageName.Client, spec -> { })).create());
    await().atMost(TIMEOUT).until(() -> secret(gatewayNamespace, "kyma-mtls-cacert") != null);

    client.resource(root).delete();

    await().atMost(TIMEOUT).untilAsserted(() -> {
      assertThat(secret(gatewayNamespace, "kyma-mtls-cacert")).isNull();
      assertThat(client.resource(root).get()).isNull();
    });
    Resources.assertHasEvent(client, root, "DeletedWhileInUse");
  }

  private CertificateAuthority authorityWithBundles(String trustPropagationDelay) {
    return Resources.authority(namespace, "root", spec -> {
      spec.setSelfSigned(new SelfSigned());
      spec.setTrustPropagationDelay(trustPropagationDelay);
      TrustBundleTarget gateway = new TrustBundleTarget();
      gateway.setKind(TrustBundleKind.Secret);
      gateway.setName("kyma-mtls-cacert");
      gateway.setKey("cacert");
      gateway.setNamespaces(List.of(gatewayNamespace));
      TrustBundleTarget selected = new TrustBundleTarget();
      selected.setName("mtls-trust");
      selected.setNamespaceSelector(new LabelSelectorBuilder().addToMatchLabels("trust-bundle-test", selectorValue)
          .build());
      spec.setTrustBundles(List.of(gateway, selected));
    });
  }

  private String createLabelledNamespace() {
    String name = "bundle-late-" + selectorValue;
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
        .addToLabels("trust-bundle-test", selectorValue).endMetadata().build()).create();
    return name;
  }

  private List<X509Certificate> gatewaySecretAnchors() {
    Secret secret = secret(gatewayNamespace, "kyma-mtls-cacert");
    return secret == null ? List.of() : Pem.parseCertificates(SecretData.text(secret, "cacert").orElseThrow());
  }

  private List<X509Certificate> configMapAnchors(String target) {
    ConfigMap configMap = client.configMaps().inNamespace(target).withName("mtls-trust").get();
    return configMap == null ? List.of() : Pem.parseCertificates(configMap.getData().get("ca.crt"));
  }

  private Secret secret(String secretNamespace, String name) {
    return client.secrets().inNamespace(secretNamespace).withName(name).get();
  }
}
