package io.mtlsoperator.rotation;

import static io.mtlsoperator.testing.Resources.awaitReady;
import static io.mtlsoperator.testing.Resources.certificates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.api.v1alpha1.CertificateUsageName;
import io.mtlsoperator.api.v1alpha1.KeyAlgorithmName;
import io.mtlsoperator.api.v1alpha1.KeystoreSpec;
import io.mtlsoperator.api.v1alpha1.Keystores;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.api.v1alpha1.MtlsCertificateSpec;
import io.mtlsoperator.api.v1alpha1.IssuerReference;
import io.mtlsoperator.api.v1alpha1.PrivateKeySpec;
import io.mtlsoperator.api.v1alpha1.SecretKeyReference;
import io.mtlsoperator.kube.SecretData;
import io.mtlsoperator.lifecycle.Signatures;
import io.mtlsoperator.pki.CertificateInfo;
import io.mtlsoperator.pki.CertificateUsage;
import io.mtlsoperator.pki.KeyAlgorithm;
import io.mtlsoperator.testing.Resources;
import io.mtlsoperator.testing.RunningOperator;
import io.mtlsoperator.testing.SharedCluster;
import io.mtlsoperator.testing.TestNamespaces;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A spec change that shapes the certificate issues a new one that has the change. */
class SpecChangeTest {

  private KubernetesClient client;
  private String namespace;
  private RunningOperator operator;

  @BeforeEach
  void startOperator() {
    client = SharedCluster.get().adminClient();
    namespace = TestNamespaces.create(client, "spec-change");
    operator = RunningOperator.watching(client, namespace);
    awaitReady(client, client.resource(Resources.selfSignedAuthority(namespace, "root")).create());
    awaitReady(client, client.resource(Resources.selfSignedAuthority(namespace, "other-root")).create());
    client.resource(new SecretBuilder().withNewMetadata().withName("keystore-password").withNamespace(namespace)
        .endMetadata().addToStringData("password", "changeit-please").build()).create();
  }

  @AfterEach
  void stopOperator() {
    operator.close();
  }

  static Stream<Arguments> changes() {
    return Stream.of(
        Arguments.of("usage", (Consumer<MtlsCertificateSpec>) spec -> spec.setUsage(CertificateUsageName.Client),
            (Predicate<SecretView>) view -> view.info().usage().orElseThrow() == CertificateUsage.CLIENT),
        Arguments.of("key algorithm", (Consumer<MtlsCertificateSpec>) spec -> {
          PrivateKeySpec key = new PrivateKeySpec();
          key.setAlgorithm(KeyAlgorithmName.RSA);
          spec.setPrivateKey(key);
        }, (Predicate<SecretView>) view -> view.info().keySpec().algorithm() == KeyAlgorithm.RSA),
        Arguments.of("key size", (Consumer<MtlsCertificateSpec>) spec -> {
          PrivateKeySpec key = new PrivateKeySpec();
          key.setSize(384);
          spec.setPrivateKey(key);
        }, (Predicate<SecretView>) view -> view.info().keySpec().size() == 384),
        Arguments.of("issuer", (Consumer<MtlsCertificateSpec>) spec ->
            spec.setIssuerRef(new IssuerReference("other-root", null)),
            (Predicate<SecretView>) view -> Signatures.isSignedBy(view.leaf(), view.otherRoot())),
        Arguments.of("keystores added", (Consumer<MtlsCertificateSpec>) spec -> {
          KeystoreSpec keystore = new KeystoreSpec();
          SecretKeyReference reference = new SecretKeyReference();
          reference.setName("keystore-password");
          keystore.setPasswordSecretRef(reference);
          Keystores keystores = new Keystores();
          keystores.setPkcs12(keystore);
          spec.setKeystores(keystores);
        }, (Predicate<SecretView>) view -> view.hasKey("keystore.p12")));
  }

  /** What a check needs from the Secret after the change. */
  record SecretView(X509Certificate leaf, CertificateInfo info, X509Certificate otherRoot,
      io.fabric8.kubernetes.api.model.Secret secret) {

    boolean hasKey(String key) {
      return SecretData.bytes(secret, key).isPresent();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void specChangeIssuesNewCertificate(String field, Consumer<MtlsCertificateSpec> change,
      Predicate<SecretView> expected) {
    MtlsCertificate certificate = awaitReady(client, client.resource(Resources.certificate(namespace, "changing",
        "root", CertificateUsageName.Server, spec -> { })).create());
    String serialBefore = certificate.getStatus().getSerialNumber();

    client.resources(MtlsCertificate.class).inNamespace(namespace).withName("changing").edit(current -> {
      change.accept(current.getSpec());
      return current;
    });

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      MtlsCertificate current = client.resource(certificate).get();
      assertThat(current.getStatus().getRevision()).isEqualTo(2);
      assertThat(current.getStatus().getSerialNumber()).isNotEqualTo(serialBefore);
    });
    var secret = client.secrets().inNamespace(namespace).withName("changing-tls").get();
    X509Certificate leaf = certificates(secret, "tls.crt").get(0);
    X509Certificate otherRoot = certificates(client.secrets().inNamespace(namespace).withName("other-root-ca").get(),
        "tls.crt").get(0);
    assertThat(expected.test(new SecretView(leaf, CertificateInfo.of(leaf), otherRoot, secret))).as(field).isTrue();
  }
}
