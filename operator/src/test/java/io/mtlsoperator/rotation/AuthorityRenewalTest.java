package io.mtlsoperator.rotation;

import static io.mtlsoperator.testing.Resources.awaitReady;
import static io.mtlsoperator.testing.Resources.certificates;
import static io.mtlsoperator.testing.Resources.requestRenewal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.api.v1alpha1.CertificateAuthorityStatus;
import io.mtlsoperator.api.v1alpha1.CertificateUsageName;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.api.v1alpha1.PrivateKeySpec;
import io.mtlsoperator.api.v1alpha1.RotationPolicy;
import io.mtlsoperator.api.v1alpha1.SelfSigned;
import io.mtlsoperator.testing.Resources;
import io.mtlsoperator.testing.RunningOperator;
import io.mtlsoperator.testing.SharedCluster;
import io.mtlsoperator.testing.TestNamespaces;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Renewal of authorities with the same key and with a new key, and what it does to the certificates below. */
class AuthorityRenewalTest {

  private KubernetesClient client;
  private String namespace;
  private RunningOperator operator;

  @BeforeEach
  void startOperator() {
    client = SharedCluster.get().adminClient();
    namespace = TestNamespaces.create(client, "authority-renewal");
    operator = RunningOperator.watching(client, namespace);
  }

  @AfterEach
  void stopOperator() {
    operator.close();
  }

  @Test
  void sameKeyRenewalKeepsLeaves() {
    CertificateAuthority root = awaitReady(client, client.resource(Resources.authority(namespace, "root", spec -> {
      spec.setSelfSigned(new SelfSigned());
      spec.setPrivateKey(keyWithPolicy(RotationPolicy.Never));
    })).create());
    MtlsCertificate leaf = awaitReady(client, client.resource(Resources.certificate(namespace, "leaf", "root",
        CertificateUsageName.Server, spec -> { })).create());
    X509Certificate leafBefore = certificates(secret("leaf-tls"), "tls.crt").get(0);

    requestRenewal(client, root, "same-key");

    CertificateAuthority renewed = await().atMost(Duration.ofSeconds(30)).until(() -> client.resource(root).get(),
        current -> !current.getStatus().getSerialNumber().equals(root.getStatus().getSerialNumber()));
    X509Certificate newRoot = certificates(secret("root-ca"), "tls.crt").get(0);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(certificates(secret("leaf-tls"), "ca.crt")).containsExactly(newRoot));
    assertThat(renewed.getStatus().getPendingCertificate()).isNull();
    assertThat(certificates(secret("leaf-tls"), "tls.crt").get(0)).isEqualTo(leafBefore);
    assertThat(client.resource(leaf).get().getStatus().getRevision()).isEqualTo(1);
  }

  @Test
  void newKeyIsTrustedBeforeItSigns() {
    CertificateAuthority root = awaitReady(client, client.resource(Resources.authority(namespace, "root", spec -> {
      spec.setSelfSigned(new SelfSigned());
      spec.setTrustPropagationDelay("6s");
    })).create());
    MtlsCertificate leaf = awaitReady(client, client.resource(Resources.certificate(namespace, "leaf", "root",
        CertificateUsageName.Client, spec -> { })).create());
    X509Certificate oldRoot = certificates(secret("root-ca"), "tls.crt").get(0);

    requestRenewal(client, root, "new-key");

    // Phase one: both roots are trusted below the authority, and the old one still signs.
    CertificateAuthorityStatus pending = await().atMost(Duration.ofSeconds(30))
        .until(() -> client.resource(root).get().getStatus(), status -> status.getPendingCertificate() != null);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(certificates(secret("leaf-tls"), "ca.crt")).hasSize(2).contains(oldRoot));
    assertThat(client.resource(leaf).get().getStatus().getRevision()).isEqualTo(1);
    assertThat(certificates(secret("root-ca"), "tls.crt").get(0)).isEqualTo(oldRoot);
    assertThat(pending.getPendingCertificate().getPromotionTime()).isNotNull();
    Resources.assertHasEvent(client, root, "RotationStarted");

    // Phase two: the new root signs, leaves are re-issued from it, and the old root stays trusted.
    MtlsCertificate reissued = await().atMost(Duration.ofSeconds(30)).until(() -> client.resource(leaf).get(),
        current -> current.getStatus().getRevision() == 2);
    X509Certificate newRoot = certificates(secret("root-ca"), "tls.crt").get(0);
    assertThat(newRoot.getPublicKey()).isNotEqualTo(oldRoot.getPublicKey());
    assertThat(certificates(secret("leaf-tls"), "ca.crt")).containsExactly(newRoot, oldRoot);
    assertThat(reissued.getStatus().getIssuerFingerprintSha256())
        .isEqualTo(client.resource(root).get().getStatus().getFingerprintSha256());
    CertificateAuthorityStatus promoted = client.resource(root).get().getStatus();
    assertThat(promoted.getPendingCertificate()).isNull();
    assertThat(promoted.getPreviousCertificates()).extracting(summary -> summary.getSerialNumber())
        .containsExactly(io.mtlsoperator.pki.CertificateInfo.of(oldRoot).serialNumberHex());
    Resources.assertHasEvent(client, root, "Rotated");
  }

  @Test
  void intermediateRenewalKeepsRootTrust() {
    awaitReady(client, client.resource(Resources.selfSignedAuthority(namespace, "root")).create());
    CertificateAuthority intermediate = awaitReady(client, client.resource(Resources.intermediateAuthority(namespace,
        "intermediate", "root")).create());
    MtlsCertificate leaf = awaitReady(client, client.resource(Resources.certificate(namespace, "leaf",
        "intermediate", CertificateUsageName.Server, spec -> { })).create());
    List<X509Certificate> trustBefore = certificates(secret("leaf-tls"), "ca.crt");

    requestRenewal(client, intermediate, "new-intermediate-key");

    await().atMost(Duration.ofSeconds(30)).until(() -> client.resource(leaf).get().getStatus().getRevision() == 2);
    assertThat(client.resource(intermediate).get().getStatus().getPendingCertificate()).isNull();
    assertThat(certificates(secret("leaf-tls"), "ca.crt")).isEqualTo(trustBefore);
    List<X509Certificate> chain = certificates(secret("leaf-tls"), "tls.crt");
    assertThat(chain.get(1)).isEqualTo(certificates(secret("intermediate-ca"), "tls.crt").get(0));
  }

  @Test
  void leafKeyIsKeptUnderRotationPolicyNever() {
    awaitReady(client, client.resource(Resources.selfSignedAuthority(namespace, "root")).create());
    MtlsCertificate leaf = awaitReady(client, client.resource(Resources.certificate(namespace, "stable-key", "root",
        CertificateUsageName.Server, spec -> spec.setPrivateKey(keyWithPolicy(RotationPolicy.Never)))).create());
    X509Certificate before = certificates(secret("stable-key-tls"), "tls.crt").get(0);

    requestRenewal(client, leaf, "keep-key");

    await().atMost(Duration.ofSeconds(30)).until(() -> client.resource(leaf).get().getStatus().getRevision() == 2);
    X509Certificate after = certificates(secret("stable-key-tls"), "tls.crt").get(0);
    assertThat(after.getSerialNumber()).isNotEqualTo(before.getSerialNumber());
    assertThat(after.getPublicKey()).isEqualTo(before.getPublicKey());
  }

  @Test
  void leafKeyChangesUnderRotationPolicyAlways() {
    awaitReady(client, client.resource(Resources.selfSignedAuthority(namespace, "root")).create());
    MtlsCertificate leaf = awaitReady(client, client.resource(Resources.certificate(namespace, "fresh-key", "root",
        CertificateUsageName.Server, spec -> { })).create());
    X509Certificate before = certificates(secret("fresh-key-tls"), "tls.crt").get(0);

    requestRenewal(client, leaf, "new-key");

    await().atMost(Duration.ofSeconds(30)).until(() -> client.resource(leaf).get().getStatus().getRevision() == 2);
    assertThat(certificates(secret("fresh-key-tls"), "tls.crt").get(0).getPublicKey())
        .isNotEqualTo(before.getPublicKey());
  }

  private Secret secret(String name) {
    return client.secrets().inNamespace(namespace).withName(name).get();
  }

  private static PrivateKeySpec keyWithPolicy(RotationPolicy policy) {
    PrivateKeySpec key = new PrivateKeySpec();
    key.setRotationPolicy(policy);
    return key;
  }
}
