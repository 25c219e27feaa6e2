package io.mtlsoperator.authority;

import static io.mtlsoperator.testing.Resources.assertHasEvent;
import static io.mtlsoperator.testing.Resources.awaitNotReady;
import static io.mtlsoperator.testing.Resources.awaitReady;
import static io.mtlsoperator.testing.Resources.certificates;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.api.v1alpha1.ImportSource;
import io.mtlsoperator.kube.SecretData;
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
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CertificateAuthority resources against the real API server: roots, intermediates, imports. */
class CertificateAuthorityReconcilerTest {

  private KubernetesClient client;
  private String namespace;
  private RunningOperator operator;

  @BeforeEach
  void startOperator() {
    client = SharedCluster.get().adminClient();
    namespace = TestNamespaces.create(client, "authority");
    operator = RunningOperator.watching(client, namespace);
  }

  @AfterEach
  void stopOperator() {
    operator.close();
  }

  @Test
  void selfSignedRootIsWrittenToItsSecret() throws Exception {
    CertificateAuthority root = client.resource(Resources.selfSignedAuthority(namespace, "root")).create();

    CertificateAuthority ready = awaitReady(client, root);

    Secret secret = client.secrets().inNamespace(namespace).withName("root-ca").get();
    assertThat(secret.getType()).isEqualTo("kubernetes.io/tls");
    X509Certificate certificate = certificates(secret, "tls.crt").get(0);
    assertThat(certificate.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(certificate.getSubjectX500Principal()).isEqualTo(certificate.getIssuerX500Principal());
    assertThat(certificates(secret, "ca.crt")).containsExactly(certificate);
    assertThat(Pem.parsePrivateKey(SecretData.text(secret, "tls.key").orElseThrow())).isNotNull();
    assertThat(secret.getMetadata().getLabels()).containsEntry(SecretMetadata.MANAGED_BY_LABEL, "mtls-operator")
        .containsEntry(SecretMetadata.AUTHORITY_LABEL, "root");
    assertThat(secret.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(ref -> assertThat(ref.getUid()).isEqualTo(ready.getMetadata().getUid()));

    // Compared in the PKI package's form: upper-case, padded to whole octets.
    assertThat(ready.getStatus().getSerialNumber())
        .isEqualTo(io.mtlsoperator.pki.CertificateInfo.of(certificate).serialNumberHex());
    assertThat(ready.getStatus().getFingerprintSha256()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    assertThat(ready.getStatus().getNotAfter()).isNotNull();
    assertThat(ready.getStatus().getRenewalTime()).isNotNull();
    assertThat(ready.getStatus().getConditions()).singleElement().satisfies(condition -> {
      assertThat(condition.getReason()).isEqualTo("Ready");
      assertThat(condition.getObservedGeneration()).isEqualTo(ready.getMetadata().getGeneration());
    });
    assertHasEvent(client, ready, "Issued");
  }

  @Test
  void intermediateIsSignedByItsRoot() throws Exception {
    client.resource(Resources.selfSignedAuthority(namespace, "root")).create();
    CertificateAuthority intermediate = client.resource(Resources.authority(namespace, "intermediate", spec -> {
      spec.setIssuerRef(new io.mtlsoperator.api.v1alpha1.ObjectReference("root", null));
      spec.setMaxPathLength(0);
    })).create();

    awaitReady(client, intermediate);

    X509Certificate root = certificates(client.secrets().inNamespace(namespace).withName("root-ca").get(), "tls.crt")
        .get(0);
    Secret secret = client.secrets().inNamespace(namespace).withName("intermediate-ca").get();
    List<X509Certificate> chain = certificates(secret, "tls.crt");
    assertThat(chain).hasSize(1);
    chain.get(0).verify(root.getPublicKey());
    assertThat(chain.get(0).getBasicConstraints()).isZero();
    assertThat(certificates(secret, "ca.crt")).containsExactly(root);
  }

  @Test
  void intermediateWaitsForMissingParent() {
    CertificateAuthority orphan = client.resource(Resources.intermediateAuthority(namespace, "orphan", "later"))
        .create();

    var condition = awaitNotReady(client, orphan, IssuerResolver.ISSUER_NOT_FOUND);
    assertThat(condition.getMessage()).contains(namespace + "/later").contains("spec.issuerRef");
    assertHasEvent(client, orphan, IssuerResolver.ISSUER_NOT_FOUND);

    client.resource(Resources.selfSignedAuthority(namespace, "later")).create();
    awaitReady(client, orphan);
  }

  @Test
  void importedAuthorityIsCopiedAfterChecks() {
    CertificateIssuer issuer = new CertificateIssuer(Clock.systemUTC());
    CaMaterial external = issuer.selfSignedRoot(new CaRequest(SubjectName.ofCommonName("external root"),
        Duration.ofDays(30), null, NameConstraints.none()),
        new KeyPairFactory().generate(KeySpec.of(KeyAlgorithm.ECDSA, 256)));
    client.resource(new SecretBuilder().withNewMetadata().withName("external").withNamespace(namespace).endMetadata()
        .addToStringData("tls.crt", "exported by a legacy tool\r\n" + Pem.encodeCertificates(List.of(external.certificate())))
        .addToStringData("tls.key", Pem.encodePrivateKey(external.privateKey(), PrivateKeyEncoding.PKCS8))
        .build()).create();
    CertificateAuthority imported = client.resource(Resources.authority(namespace, "imported", spec -> {
      ImportSource source = new ImportSource();
      source.setSecretName("external");
      spec.setImportSource(source);
    })).create();

    CertificateAuthority ready = awaitReady(client, imported);

    Secret copy = client.secrets().inNamespace(namespace).withName("imported-ca").get();
    assertThat(certificates(copy, "tls.crt")).containsExactly(external.certificate());
    assertThat(ready.getStatus().getRenewalTime()).isNull();
    assertHasEvent(client, ready, "Imported");
  }

  @Test
  void importWithMismatchedKeyIsReported() {
    KeyPairFactory keys = new KeyPairFactory();
    CaMaterial external = new CertificateIssuer(Clock.systemUTC()).selfSignedRoot(new CaRequest(
        SubjectName.ofCommonName("external root"), Duration.ofDays(30), null, NameConstraints.none()),
        keys.generate(KeySpec.of(KeyAlgorithm.ECDSA, 256)));
    client.resource(new SecretBuilder().withNewMetadata().withName("mismatch").withNamespace(namespace).endMetadata()
        .addToStringData("tls.crt", Pem.encodeCertificates(List.of(external.certificate())))
        .addToStringData("tls.key", Pem.encodePrivateKey(keys.generate(KeySpec.of(KeyAlgorithm.ECDSA, 256)).getPrivate(),
            PrivateKeyEncoding.PKCS8))
        .build()).create();
    CertificateAuthority imported = client.resource(Resources.authority(namespace, "mismatched", spec -> {
      ImportSource source = new ImportSource();
      source.setSecretName("mismatch");
      spec.setImportSource(source);
    })).create();

    var condition = awaitNotReady(client, imported, AuthorityImport.INVALID_IMPORT);

    assertThat(condition.getMessage()).contains(namespace + "/mismatch").contains("tls.key");
    assertThat(client.secrets().inNamespace(namespace).withName("mismatched-ca").get()).isNull();
  }

  @Test
  void foreignSecretIsNeverOverwritten() {
    Secret foreign = client.resource(new SecretBuilder().withNewMetadata().withName("taken-ca")
        .withNamespace(namespace).endMetadata().addToStringData("tls.crt", "someone else's").build()).create();
    CertificateAuthority authority = client.resource(Resources.selfSignedAuthority(namespace, "taken")).create();

    var condition = awaitNotReady(client, authority, CertificateAuthorityReconciler.SECRET_NOT_OWNED);

    assertThat(condition.getMessage()).contains(namespace + "/taken-ca").contains("spec.secretName");
    Secret after = client.secrets().inNamespace(namespace).withName("taken-ca").get();
    assertThat(after.getData()).isEqualTo(foreign.getData());
    assertThat(after.getMetadata().getResourceVersion()).isEqualTo(foreign.getMetadata().getResourceVersion());
  }
}
