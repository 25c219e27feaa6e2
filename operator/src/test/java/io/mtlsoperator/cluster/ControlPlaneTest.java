package io.mtlsoperator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.mtlsoperator.testing.SharedCluster;
import io.mtlsoperator.testing.TestNamespaces;
import io.mtlsoperator.testing.cluster.TestCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cluster behind the integration tests is a real one: watches, RBAC, validation, status, apply and GC. */
class ControlPlaneTest {

  private static final ResourceDefinitionContext AUTHORITIES = new ResourceDefinitionContext.Builder()
      .withGroup("pki.mtls-operator.io").withVersion("v1alpha1").withPlural("certificateauthorities")
      .withKind("CertificateAuthority").withNamespaced(true).build();

  private TestCluster cluster;
  private KubernetesClient admin;

  @BeforeEach
  void connect() {
    cluster = SharedCluster.get();
    admin = cluster.adminClient();
  }

  @Test
  void watchObservesNamespaceSecretAndCustomResource() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    String namespace;
    try (Watch namespaces = admin.namespaces().watch(recorder(seen))) {
      namespace = TestNamespaces.create(admin, "watch");
      try (Watch secrets = admin.secrets().inNamespace(namespace).watch(recorder(seen));
          Watch authorities = admin.genericKubernetesResources(AUTHORITIES).inNamespace(namespace)
              .watch(recorder(seen))) {
        admin.secrets().inNamespace(namespace).resource(secret(namespace, "watched")).create();
        admin.genericKubernetesResources(AUTHORITIES).inNamespace(namespace)
            .resource(selfSignedAuthority(namespace, "watched-ca")).create();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(seen).contains(
            "ADDED Namespace " + namespace, "ADDED Secret watched", "ADDED CertificateAuthority watched-ca"));
      }
    }
  }

  @Test
  void serviceAccountWithoutRoleIsForbiddenUntilGranted() {
    String namespace = TestNamespaces.create(admin, "rbac");
    KubernetesClient reader = cluster.clientFor(namespace, "secret-reader");

    assertThatThrownBy(() -> reader.secrets().inNamespace(namespace).list())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));

    admin.rbac().roles().inNamespace(namespace).resource(new RoleBuilder()
        .withNewMetadata().withName("read-secrets").withNamespace(namespace).endMetadata()
        .withRules(new PolicyRuleBuilder().withApiGroups("").withResources("secrets").withVerbs("get", "list").build())
        .build()).create();
    admin.rbac().roleBindings().inNamespace(namespace).resource(new RoleBindingBuilder()
        .withNewMetadata().withName("read-secrets").withNamespace(namespace).endMetadata()
        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName("read-secrets").endRoleRef()
        .addNewSubject().withKind("ServiceAccount").withName("secret-reader").withNamespace(namespace).endSubject()
        .build()).create();

    // RBAC changes reach the authorizer through an informer, so the grant shows after a moment.
    await().atMost(Duration.ofSeconds(20)).ignoreException(KubernetesClientException.class)
        .untilAsserted(() -> assertThat(reader.secrets().inNamespace(namespace).list().getItems()).isNotNull());
    reader.close();
  }

  @Test
  void openApiConstraintIsEnforced() {
    String namespace = TestNamespaces.create(admin, "openapi");
    GenericKubernetesResource authority = selfSignedAuthority(namespace, "bad-percentage");
    spec(authority).put("renewBeforePercentage", 150);

    assertThatThrownBy(() -> admin.genericKubernetesResources(AUTHORITIES).inNamespace(namespace)
        .resource(authority).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(422);
          assertThat(e.getMessage()).contains("spec.renewBeforePercentage").contains("less than or equal to 99");
        });
  }

  @Test
  void celRuleIsEnforced() {
    String namespace = TestNamespaces.create(admin, "cel");
    GenericKubernetesResource authority = selfSignedAuthority(namespace, "two-sources");
    spec(authority).put("issuerRef", Map.of("name", "root"));

    assertThatThrownBy(() -> admin.genericKubernetesResources(AUTHORITIES).inNamespace(namespace)
        .resource(authority).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(422);
          assertThat(e.getMessage()).contains("set exactly one of selfSigned, issuerRef or import");
        });
  }

  @Test
  void statusSubresourceAndServerSideApplyWork() {
    String namespace = TestNamespaces.create(admin, "status");
    var resources = admin.genericKubernetesResources(AUTHORITIES).inNamespace(namespace);
    GenericKubernetesResource applied = resources.resource(selfSignedAuthority(namespace, "applied"))
        .fieldManager("control-plane-test").serverSideApply();
    assertThat(applied.getMetadata().getManagedFields())
        .anySatisfy(field -> assertThat(field.getManager()).isEqualTo("control-plane-test"));

    GenericKubernetesResource withStatus = resources.withName("applied").get();
    withStatus.setAdditionalProperty("status", Map.of("serialNumber", "0a"));
    resources.resource(withStatus).updateStatus();

    GenericKubernetesResource reread = resources.withName("applied").get();
    assertThat(((Map<?, ?>) reread.getAdditionalProperties().get("status")).get("serialNumber")).isEqualTo("0a");
    // A status write through the main resource is ignored when the status subresource is on.
    assertThat(reread.getMetadata().getGeneration()).isEqualTo(applied.getMetadata().getGeneration());
  }

  @Test
  void garbageCollectorDeletesSecretOfDeletedOwner() {
    String namespace = TestNamespaces.create(admin, "gc");
    GenericKubernetesResource owner = admin.genericKubernetesResources(AUTHORITIES).inNamespace(namespace)
        .resource(selfSignedAuthority(namespace, "owner")).create();
    Secret owned = secret(namespace, "owned");
    owned.getMetadata().setOwnerReferences(List.of(new io.fabric8.kubernetes.api.model.OwnerReferenceBuilder()
        .withApiVersion("pki.mtls-operator.io/v1alpha1").withKind("CertificateAuthority")
        .withName("owner").withUid(owner.getMetadata().getUid()).withController(true).build()));
    admin.secrets().inNamespace(namespace).resource(owned).create();

    admin.genericKubernetesResources(AUTHORITIES).inNamespace(namespace).withName("owner").delete();

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(admin.secrets().inNamespace(namespace).withName("owned").get()).isNull());
  }

  @Test
  void deletedNamespaceFinishesTerminating() {
    String namespace = TestNamespaces.create(admin, "delete");
    admin.secrets().inNamespace(namespace).resource(secret(namespace, "content")).create();
    admin.genericKubernetesResources(AUTHORITIES).inNamespace(namespace)
        .resource(selfSignedAuthority(namespace, "content-ca")).create();

    admin.namespaces().withName(namespace).delete();

    await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
        assertThat(admin.namespaces().withName(namespace).get()).isNull());
  }

  private static <T extends HasMetadata> Watcher<T> recorder(List<String> seen) {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, T resource) {
        seen.add(action + " " + resource.getKind() + " " + resource.getMetadata().getName());
      }

      @Override
      public void onClose(WatcherException cause) {
      }
    };
  }

  private static Secret secret(String namespace, String name) {
    return new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .addToStringData("greeting", "hello").build();
  }

  private static GenericKubernetesResource selfSignedAuthority(String namespace, String name) {
    GenericKubernetesResource authority = new GenericKubernetesResource();
    authority.setApiVersion("pki.mtls-operator.io/v1alpha1");
    authority.setKind("CertificateAuthority");
    authority.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
        .withName(name).withNamespace(namespace).build());
    authority.setAdditionalProperty("spec", new java.util.HashMap<>(Map.of("selfSigned", Map.of())));
    return authority;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource resource) {
    return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
  }
}
