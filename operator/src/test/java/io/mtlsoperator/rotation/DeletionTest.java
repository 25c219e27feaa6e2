package io.mtlsoperator.rotation;

import static io.mtlsoperator.testing.Resources.awaitReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.api.v1alpha1.CertificateUsageName;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.api.v1alpha1.SelfSigned;
import io.mtlsoperator.api.v1alpha1.TrustBundleTarget;
import io.mtlsoperator.testing.Resources;
import io.mtlsoperator.testing.RunningOperator;
import io.mtlsoperator.testing.SharedCluster;
import io.mtlsoperator.testing.TestNamespaces;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deleting resources and namespaces: owned Secrets go unless kept, and nothing hangs. Needs the garbage collector. */
class DeletionTest {

  @Test
  void deletedCertificateTakesItsSecretUnlessKept() {
    KubernetesClient client = SharedCluster.get().adminClient();
    String namespace = TestNamespaces.create(client, "deletion");
    try (RunningOperator operator = RunningOperator.watching(client, namespace)) {
      awaitReady(client, client.resource(Resources.selfSignedAuthority(namespace, "root")).create());
      MtlsCertificate deleted = awaitReady(client, client.resource(Resources.certificate(namespace, "gone", "root",
          CertificateUsageName.Server, spec -> { })).create());
      MtlsCertificate kept = awaitReady(client, client.resource(Resources.certificate(namespace, "kept", "root",
          CertificateUsageName.Server, spec -> spec.setKeepSecretOnDeletion(true))).create());
      assertThat(secret(client, namespace, "kept-tls").getMetadata().getOwnerReferences()).isEmpty();

      client.resource(deleted).delete();
      client.resource(kept).delete();

      await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(secret(client, namespace, "gone-tls")).isNull());
      assertThat(secret(client, namespace, "kept-tls")).isNotNull();
    }
  }

  @Test
  void namespaceWithOurResourcesFinishesDeleting() {
    KubernetesClient client = SharedCluster.get().adminClient();
    String namespace = TestNamespaces.create(client, "namespace-deletion");
    String bundleNamespace = TestNamespaces.create(client, "namespace-deletion-bundle");
    try (RunningOperator operator = RunningOperator.watching(client, namespace)) {
      CertificateAuthority root = awaitReady(client, client.resource(Resources.authority(namespace, "root", spec -> {
        spec.setSelfSigned(new SelfSigned());
        TrustBundleTarget target = new TrustBundleTarget();
        target.setName("root-bundle");
        target.setNamespaces(List.of(bundleNamespace));
        spec.setTrustBundles(List.of(target));
      })).create());
      awaitReady(client, client.resource(Resources.certificate(namespace, "leaf", "root",
          CertificateUsageName.Client, spec -> { })).create());
      assertThat(root.getMetadata().getFinalizers()).isNotEmpty();

      client.namespaces().withName(namespace).delete();

      await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
          assertThat(client.namespaces().withName(namespace).get()).isNull());
      assertThat(client.configMaps().inNamespace(bundleNamespace).withName("root-bundle").get()).isNull();
    }
  }

  private static Secret secret(KubernetesClient client, String namespace, String name) {
    return client.secrets().inNamespace(namespace).withName(name).get();
  }
}
