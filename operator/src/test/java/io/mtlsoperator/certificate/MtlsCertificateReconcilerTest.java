package io.mtlsoperator.certificate;

import static io.mtlsoperator.testing.Resources.assertHasEvent;
import static io.mtlsoperator.testing.Resources.awaitNotReady;
import static io.mtlsoperator.testing.Resources.awaitReady;
import static io.mtlsoperator.testing.Resources.certificates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.api.v1alpha1.CertificateUsageName;
import io.mtlsoperator.api.v1alpha1.KeystoreSpec;
import io.mtlsoperator.api.v1alpha1.Keystores;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.api.v1alpha1.SecretKeyReference;
import io.mtlsoperator.api.v1alpha1.SecretTemplate;
import io.mtlsoperator.kube.SecretData;
import io.mtlsoperator.kube.SecretMetadata;
import io.mtlsoperator.pki.KeyMatch;
import io.mtlsoperator.pki.Pem;
import io.mtlsoperator.testing.Resources;
import io.mtlsoperator.testing.RunningOperator;
import io.mtlsoperator.testing.SharedCluster;
import io.mtlsoperator.testing.TestNamespaces;
import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** MtlsCertificate resources against the real API server: Secret layout, metadata, keystores, ownership. */
class MtlsCertificateReconcilerTest {

  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  private KubernetesClient client;
  private String namespace;
  private RunningOperator operator;

  @BeforeEach
  void startOperatorWithChain() {
    client = SharedCluster.get().adminClient();
    namespace = TestNamespaces.create(client, "certificate");
    operator = RunningOperator.watching(client, namespace);
    client.resource(Resources.selfSignedAuthority(namespace, "root")).create();
    client.resource(Resources.intermediateAuthority(namespace, "intermediate", "root")).create();
  }

  @AfterEach
  void stopOperator() {
    operator.close();
  }

  @ParameterizedTest
  @EnumSource(CertificateUsageName.class)
  void secretHoldsLeafIntermediateAndRoot(CertificateUsageName usage) throws Exception {
    MtlsCertificate certificate = client.resource(Resources.certificate(namespace, "leaf", "intermediate", usage,
        spec -> spec.setIpAddresses(List.of("10.0.0.1", "2001:db8::1")))).create();

    MtlsCertificate ready = awaitReady(client, certificate);

    Secret secret = client.secrets().inNamespace(namespace).withName("leaf-tls").get();
    assertThat(secret.getType()).isEqualTo("kubernetes.io/tls");
    List<X509Certificate> chain = certificates(secret, "tls.crt");
    X509Certificate intermediate = certificates(client.secrets().inNamespace(namespace).withName("intermediate-ca")
        .get(), "tls.crt").get(0);
    X509Certificate root = certificates(client.secrets().inNamespace(namespace).withName("root-ca").get(), "tls.crt")
        .get(0);
    assertThat(chain).hasSize(2);
    assertThat(chain.get(1)).isEqualTo(intermediate);
    chain.get(0).verify(intermediate.getPublicKey());
    assertThat(certificates(secret, "ca.crt")).containsExactly(root);
    assertThat(KeyMatch.matches(chain.get(0).getPublicKey(),
        Pem.parsePrivateKey(SecretData.text(secret, "tls.key").orElseThrow()))).isTrue();
    assertThat(SecretData.text(secret, "tls.key").orElseThrow()).startsWith("-----BEGIN PRIVATE KEY-----");

    List<String> expectedUsages = switch (usage) {
      case Server -> List.of(SERVER_AUTH);
      case Client -> List.of(CLIENT_AUTH);
      case ServerAndClient -> List.of(SERVER_AUTH, CLIENT_AUTH);
    };
    assertThat(chain.get(0).getExtendedKeyUsage()).containsExactlyInAnyOrderElementsOf(expectedUsages);
    assertThat(chain.get(0).getSubjectAlternativeNames()).extracting(name -> String.valueOf(name.get(1)))
        .contains("leaf.example.com", "10.0.0.1");

    assertThat(secret.getMetadata().getLabels()).containsEntry(SecretMetadata.CERTIFICATE_LABEL, "leaf");
    assertThat(secret.getMetadata().getAnnotations())
        .containsEntry(SecretMetadata.ISSUER_ANNOTATION, namespace + "/intermediate")
        .containsEntry(SecretMetadata.SERIAL_NUMBER_ANNOTATION, ready.getStatus().getSerialNumber())
        .containsKey(SecretMetadata.NOT_AFTER_ANNOTATION);
    assertThat(ready.getStatus().getRevision()).isEqualTo(1);
    assertThat(ready.getStatus().getIssuerFingerprintSha256()).isNotBlank();
    assertHasEvent(client, ready, "Issued");
  }

  @Test
  void secretTemplateAndForeignKeysAreKept() {
    MtlsCertificate certificate = client.resource(Resources.certificate(namespace, "templated", "root",
        CertificateUsageName.Server, spec -> {
          SecretTemplate template = new SecretTemplate();
          template.setLabels(Map.of("team", "payments"));
          template.setAnnotations(Map.of("reflector/allowed", "true"));
          spec.setSecretTemplate(template);
        })).create();
    awaitReady(client, certificate);

    // Another controller adds a key of its own, then the spec changes and forces a re-issue.
    client.secrets().inNamespace(namespace).withName("templated-tls").edit(secret -> new SecretBuilder(secret)
        .addToData("extra", SecretData.encode("kept")).build());
    client.resources(MtlsCertificate.class).inNamespace(namespace).withName("templated").edit(current -> {
      current.getSpec().setDnsNames(List.of("renamed.example.com"));
      return current;
    });

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      MtlsCertificate reissued = client.resource(certificate).get();
      assertThat(reissued.getStatus().getRevision()).isEqualTo(2);
    });
    Secret secret = client.secrets().inNamespace(namespace).withName("templated-tls").get();
    assertThat(SecretData.text(secret, "extra")).contains("kept");
    assertThat(secret.getMetadata().getLabels()).containsEntry("team", "payments");
    assertThat(secret.getMetadata().getAnnotations()).containsEntry("reflector/allowed", "true");
    assertThat(certificates(secret, "tls.crt").get(0).getSubjectX500Principal().getName())
        .contains("renamed.example.com");
  }

  @Test
  void foreignSecretIsReportedAndUntouched() {
    Secret foreign = client.resource(new SecretBuilder().withNewMetadata().withName("busy-tls")
        .withNamespace(namespace).endMetadata().addToStringData("tls.crt", "not ours").build()).create();
    MtlsCertificate certificate = client.resource(Resources.certificate(namespace, "busy", "root",
        CertificateUsageName.Client, spec -> { })).create();

    var condition = awaitNotReady(client, certificate, MtlsCertificateReconciler.SECRET_NOT_OWNED);

    assertThat(condition.getMessage()).contains(namespace + "/busy-tls");
    assertHasEvent(client, certificate, MtlsCertificateReconciler.SECRET_NOT_OWNED);
    Secret after = client.secrets().inNamespace(namespace).withName("busy-tls").get();
    assertThat(after.getMetadata().getResourceVersion()).isEqualTo(foreign.getMetadata().getResourceVersion());
  }

  @Test
  void keystoresOpenWithThePasswordFromTheSecret() throws Exception {
    client.resource(new SecretBuilder().withNewMetadata().withName("keystore-password").withNamespace(namespace)
        .endMetadata().addToStringData("password", "correct horse").build()).create();
    MtlsCertificate certificate = client.resource(Resources.certificate(namespace, "java-client", "intermediate",
        CertificateUsageName.Client, spec -> {
          KeystoreSpec keystore = new KeystoreSpec();
          SecretKeyReference reference = new SecretKeyReference();
          reference.setName("keystore-password");
          keystore.setPasswordSecretRef(reference);
          Keystores keystores = new Keystores();
          keystores.setPkcs12(keystore);
          keystores.setJks(keystore);
          spec.setKeystores(keystores);
        })).create();

    awaitReady(client, certificate);

    Secret secret = client.secrets().inNamespace(namespace).withName("java-client-tls").get();
    X509Certificate leaf = certificates(secret, "tls.crt").get(0);
    X509Certificate root = certificates(secret, "ca.crt").get(0);
    for (var entry : Map.of("keystore.p12", "PKCS12", "keystore.jks", "JKS").entrySet()) {
      KeyStore keyStore = load(secret, entry.getKey(), entry.getValue());
      String alias = keyStore.getCertificateAlias(leaf);
      assertThat(alias).as(entry.getKey()).isNotNull();
      assertThat(keyStore.getCertificateChain(alias)).as(entry.getKey()).hasSize(2);
      assertThat(keyStore.getKey(alias, "correct horse".toCharArray())).as(entry.getKey()).isNotNull();
    }
    for (var entry : Map.of("truststore.p12", "PKCS12", "truststore.jks", "JKS").entrySet()) {
      assertThat(load(secret, entry.getKey(), entry.getValue()).getCertificateAlias(root)).as(entry.getKey())
          .isNotNull();
    }
  }

  @Test
  void missingKeystorePasswordIsReported() {
    MtlsCertificate certificate = client.resource(Resources.certificate(namespace, "no-password", "root",
        CertificateUsageName.Client, spec -> {
          KeystoreSpec keystore = new KeystoreSpec();
          SecretKeyReference reference = new SecretKeyReference();
          reference.setName("absent");
          keystore.setPasswordSecretRef(reference);
          Keystores keystores = new Keystores();
          keystores.setPkcs12(keystore);
          spec.setKeystores(keystores);
        })).create();

    var condition = awaitNotReady(client, certificate, KeystorePasswords.PASSWORD_NOT_FOUND);

    assertThat(condition.getMessage()).contains(namespace + "/absent").contains("spec.keystores.pkcs12");
    assertThat(client.secrets().inNamespace(namespace).withName("no-password-tls").get()).isNull();
  }

  @Test
  void statusIsWrittenOnlyWhenItChanges() throws Exception {
    MtlsCertificate certificate = client.resource(Resources.certificate(namespace, "steady", "root",
        CertificateUsageName.Server, spec -> { })).create();
    MtlsCertificate ready = awaitReady(client, certificate);

    // Touching the Secret's unrelated metadata triggers reconciles that must find nothing to write.
    for (int i = 0; i < 3; i++) {
      int round = i;
      client.secrets().inNamespace(namespace).withName("steady-tls").edit(secret -> new SecretBuilder(secret)
          .editMetadata().addToLabels("touched", String.valueOf(round)).endMetadata().build());
    }
    Thread.sleep(3000);

    MtlsCertificate after = client.resource(certificate).get();
    assertThat(after.getMetadata().getResourceVersion()).isEqualTo(ready.getMetadata().getResourceVersion());
    assertThat(after.getStatus().getRevision()).isEqualTo(1);
  }

  private static KeyStore load(Secret secret, String key, String type) throws Exception {
    KeyStore store = KeyStore.getInstance(type);
    store.load(new ByteArrayInputStream(SecretData.bytes(secret, key).orElseThrow()), "correct horse".toCharArray());
    return store;
  }
}
