package io.mtlsoperator.rotation;

import static io.mtlsoperator.testing.Resources.awaitReady;
import static io.mtlsoperator.testing.Resources.certificates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.api.v1alpha1.CertificateUsageName;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.kube.SecretData;
import io.mtlsoperator.lifecycle.Signatures;
import io.mtlsoperator.pki.KeyMatch;
import io.mtlsoperator.pki.Pem;
import io.mtlsoperator.testing.Resources;
import io.mtlsoperator.testing.RunningOperator;
import io.mtlsoperator.testing.SharedCluster;
import io.mtlsoperator.testing.TestNamespaces;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Secret that someone empties or edits by hand is repaired within seconds. */
class RepairTest {

  private static final Duration REPAIR_TIMEOUT = Duration.ofSeconds(20);

  private KubernetesClient client;
  private String namespace;
  private RunningOperator operator;
  private MtlsCertificate leaf;

  @BeforeEach
  void startOperatorWithLeaf() {
    client = SharedCluster.get().adminClient();
    namespace = TestNamespaces.create(client, "repair");
    operator = RunningOperator.watching(client, namespace);
    awaitReady(client, client.resource(Resources.selfSignedAuthority(namespace, "root")).create());
    awaitReady(client, client.resource(Resources.selfSignedAuthority(namespace, "other-root")).create());
    leaf = awaitReady(client, client.resource(Resources.certificate(namespace, "leaf", "root",
        CertificateUsageName.Server, spec -> { })).create());
    awaitReady(client, client.resource(Resources.certificate(namespace, "decoy", "root",
        CertificateUsageName.Client, spec -> spec.setDnsNames(List.of("decoy.example.com")))).create());
    awaitReady(client, client.resource(Resources.certificate(namespace, "foreign", "other-root",
        CertificateUsageName.Server, spec -> spec.setDnsNames(List.of("leaf.example.com")))).create());
  }

  @AfterEach
  void stopOperator() {
    operator.close();
  }

  @Test
  void emptiedSecretIsRefilled() {
    // A kubernetes.io/tls Secret must keep both keys, so emptying means empty values.
    edit(secret -> new SecretBuilder(secret).withData(java.util.Map.of("tls.crt", "", "tls.key", "")).build());

    assertRepaired();
  }

  @Test
  void keyFromAnotherCertificateIsReplaced() {
    String otherKey = SecretData.text(secret("decoy-tls"), "tls.key").orElseThrow();
    edit(secret -> new SecretBuilder(secret).addToData("tls.key", SecretData.encode(otherKey)).build());

    assertRepaired();
  }

  @Test
  void certificateWithOtherNamesIsReplaced() {
    Secret decoy = secret("decoy-tls");
    edit(secret -> new SecretBuilder(secret).addToData("tls.crt", decoy.getData().get("tls.crt"))
        .addToData("tls.key", decoy.getData().get("tls.key")).build());

    assertRepaired();
  }

  @Test
  void chainFromAnotherAuthorityIsReplaced() {
    Secret foreign = secret("foreign-tls");
    edit(secret -> new SecretBuilder(secret).addToData("tls.crt", foreign.getData().get("tls.crt"))
        .addToData("tls.key", foreign.getData().get("tls.key")).build());

    assertRepaired();
  }

  @Test
  void renewAnnotationForcesRenewal() {
    String serialBefore = leaf.getStatus().getSerialNumber();

    Resources.requestRenewal(client, leaf, "now");

    MtlsCertificate renewed = await().atMost(REPAIR_TIMEOUT).until(() -> client.resource(leaf).get(),
        current -> current.getStatus().getRevision() == 2);
    assertThat(renewed.getStatus().getSerialNumber()).isNotEqualTo(serialBefore);
    assertThat(renewed.getStatus().getLastRenewalRequest()).isEqualTo("now");
    Resources.assertHasEvent(client, renewed, "Renewed");
  }

  private void edit(UnaryOperator<Secret> change) {
    client.secrets().inNamespace(namespace).withName("leaf-tls").edit(change);
  }

  private void assertRepaired() {
    X509Certificate root = certificates(secret("root-ca"), "tls.crt").get(0);
    await().atMost(REPAIR_TIMEOUT).untilAsserted(() -> {
      Secret repaired = secret("leaf-tls");
      X509Certificate certificate = certificates(repaired, "tls.crt").get(0);
      assertThat(Signatures.isSignedBy(certificate, root)).isTrue();
      assertThat(certificate.getSubjectAlternativeNames()).extracting(name -> String.valueOf(name.get(1)))
          .containsExactly("leaf.example.com");
      assertThat(KeyMatch.matches(certificate.getPublicKey(),
          Pem.parsePrivateKey(SecretData.text(repaired, "tls.key").orElseThrow()))).isTrue();
      assertThat(certificates(repaired, "ca.crt")).containsExactly(root);
    });
  }

  private Secret secret(String name) {
    return client.secrets().inNamespace(namespace).withName(name).get();
  }
}
