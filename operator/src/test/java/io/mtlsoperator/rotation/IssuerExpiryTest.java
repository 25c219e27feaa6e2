package io.mtlsoperator.rotation;

import static io.mtlsoperator.testing.Resources.awaitNotReady;
import static io.mtlsoperator.testing.Resources.awaitReady;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.api.v1alpha1.CertificateUsageName;
import io.mtlsoperator.api.v1alpha1.ImportSource;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.api.v1alpha1.PrivateKeySpec;
import io.mtlsoperator.api.v1alpha1.RotationPolicy;
import io.mtlsoperator.api.v1alpha1.SelfSigned;
import io.mtlsoperator.kube.SecretMetadata;
import io.mtlsoperator.pki.CaMaterial;
import io.mtlsoperator.pki.CaRequest;
import io.mtlsoperator.pki.CertificateIssuer;
import io.mtlsoperator.pki.KeyAlgorithm;
import io.mtlsoperator.pki.KeyPairFactory;
import io.mtlsoperator.pki.KeySpec;
import io.mtlsoperator.pki.NameConstraints;
import io.mtlsoperator.pki.Pem;
import io.mtlsoperator.pki.PrivateKeyEncoding;
import io.mtlsoperator.pki.SubjectName;
import io.mtlsoperator.testing.Resources;
import io.mtlsoperator.testing.RunningOperator;
import io.mtlsoperator.testing.SharedCluster;
import io.mtlsoperator.testing.TestNamespaces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A leaf never outlives its issuer, and an issuer close to its end is renewed first or reported. */
class IssuerExpiryTest {

  @Test
  void managedIssuerIsRenewedBeforeLeaf() {
    KubernetesClient client = SharedCluster.get().adminClient();
    String namespace = TestNamespaces.create(client, "issuer-expiry");
    CertificateAuthority root;
    try (RunningOperator today = RunningOperator.watching(client, namespace)) {
      root = awaitReady(client, client.resource(Resources.authority(namespace, "root", spec -> {
        spec.setSelfSigned(new SelfSigned());
        spec.setDuration("2h");
        spec.setRenewBefore("5m");
        PrivateKeySpec key = new PrivateKeySpec();
        key.setRotationPolicy(RotationPolicy.Never);
        spec.setPrivateKey(key);
      })).create());
    }

    // 100 minutes later the root has 20 minutes left: before its own renewal time, but too little
    // for a leaf that requests 2 hours.
    Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(100));
    try (RunningOperator operator = RunningOperator.watching(client, later, namespace)) {
      MtlsCertificate leaf = client.resource(Resources.certificate(namespace, "leaf", "root",
          CertificateUsageName.Server, spec -> spec.setDuration("2h"))).create();

      MtlsCertificate ready = awaitReady(client, leaf);

      // The authority's status patch may land just after the leaf's; its Secret is already renewed.
      CertificateAuthority renewed = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
          .until(() -> client.resource(root).get(),
              current -> !current.getStatus().getSerialNumber().equals(root.getStatus().getSerialNumber()));
      assertThat(renewed.getMetadata().getAnnotations().get(SecretMetadata.RENEW_ANNOTATION))
          .startsWith("issuer-expiring-");
      Instant leafNotAfter = Instant.parse(ready.getStatus().getNotAfter());
      assertThat(leafNotAfter).isBeforeOrEqualTo(Instant.parse(renewed.getStatus().getNotAfter()));
      assertThat(Duration.between(Instant.parse(ready.getStatus().getNotBefore()), leafNotAfter))
          .isGreaterThanOrEqualTo(Duration.ofHours(2));
      Resources.assertHasEvent(client, leaf, "IssuerExpiring");
    }
  }

  @Test
  void expiringImportedIssuerIsReported() {
    KubernetesClient client = SharedCluster.get().adminClient();
    String namespace = TestNamespaces.create(client, "import-expiry");
    CaMaterial external = new CertificateIssuer(Clock.systemUTC()).selfSignedRoot(new CaRequest(
        SubjectName.ofCommonName("short-lived external root"), Duration.ofMinutes(30), null, NameConstraints.none()),
        new KeyPairFactory().generate(KeySpec.of(KeyAlgorithm.ECDSA, 256)));
    client.resource(new SecretBuilder().withNewMetadata().withName("external").withNamespace(namespace).endMetadata()
        .addToStringData("tls.crt", Pem.encodeCertificates(List.of(external.certificate())))
        .addToStringData("tls.key", Pem.encodePrivateKey(external.privateKey(), PrivateKeyEncoding.PKCS8))
        .build()).create();

    try (RunningOperator operator = RunningOperator.watching(client, namespace)) {
      awaitReady(client, client.resource(Resources.authority(namespace, "imported", spec -> {
        ImportSource source = new ImportSource();
        source.setSecretName("external");
        spec.setImportSource(source);
      })).create());
      MtlsCertificate leaf = client.resource(Resources.certificate(namespace, "leaf", "imported",
          CertificateUsageName.Client, spec -> spec.setDuration("24h"))).create();

      var condition = awaitNotReady(client, leaf, "IssuerExpiring");

      assertThat(condition.getMessage()).contains(namespace + "/imported").contains("Secret external");
      assertThat(client.secrets().inNamespace(namespace).withName("leaf-tls").get()).isNull();
    }
  }
}
