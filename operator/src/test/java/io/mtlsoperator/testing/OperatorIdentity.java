package io.mtlsoperator.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.testing.cluster.TestCluster;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The identity that the Helm chart gives the operator, installed once per test JVM: the
 * ServiceAccount, the ClusterRoles and their bindings, and the leader-election Role, RoleBinding
 * and Lease, exactly as {@code helm template} renders them for all namespaces. Operators in tests
 * authenticate as that ServiceAccount, so every integration test proves that the chart's RBAC
 * is enough for the reconcile paths it exercises.
 */
public final class OperatorIdentity {

  /** Release and namespace of the test installation; the names differ from a real installation's. */
  public static final String RELEASE = "mtls-operator-test";
  public static final String NAMESPACE = "mtls-operator-test";
  /** The chart names the ServiceAccount after the release, because the release name contains the chart name. */
  public static final String SERVICE_ACCOUNT = RELEASE;
  public static final String LEASE = RELEASE + "-leader";

  private static final Logger log = LoggerFactory.getLogger(OperatorIdentity.class);
  private static final Set<String> IDENTITY_KINDS =
      Set.of("ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "Lease");

  private OperatorIdentity() {
  }

  /** Renders the chart with its default values and applies the objects that make up the operator's identity. */
  static void install(TestCluster cluster) {
    KubernetesClient admin = cluster.adminClient();
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .serverSideApply();
    List<HasMetadata> identity = render(admin).stream()
        .filter(object -> IDENTITY_KINDS.contains(object.getKind()))
        .toList();
    for (HasMetadata object : identity) {
      admin.resource(object).fieldManager("mtls-operator-tests").forceConflicts().serverSideApply();
    }
    // The RBAC authorizer reads bindings from its own cache, so a new binding takes a moment to apply.
    await().atMost(Duration.ofSeconds(30)).until(() ->
        isAllowed(admin, "list", "pki.mtls-operator.io", "mtlscertificates", null, null)
            && isAllowed(admin, "patch", "coordination.k8s.io", "leases", NAMESPACE, LEASE));
    log.info("Installed the chart's operator identity {}/{}: {}", NAMESPACE, SERVICE_ACCOUNT,
        identity.stream().map(object -> object.getKind() + " " + object.getMetadata().getName()).toList());
  }

  private static boolean isAllowed(KubernetesClient admin, String verb, String group, String resource,
      String namespace, String name) {
    SubjectAccessReview review = new SubjectAccessReviewBuilder()
        .withNewSpec()
          .withUser("system:serviceaccount:" + NAMESPACE + ":" + SERVICE_ACCOUNT)
          .withNewResourceAttributes()
            .withVerb(verb).withGroup(group).withResource(resource).withNamespace(namespace).withName(name)
          .endResourceAttributes()
        .endSpec()
        .build();
    SubjectAccessReview answered = admin.authorization().v1().subjectAccessReview().create(review);
    return Boolean.TRUE.equals(answered.getStatus().getAllowed());
  }

  /** Returns a new client that authenticates as the chart's ServiceAccount; the caller closes it. */
  public static KubernetesClient client() {
    return SharedCluster.get().clientFor(NAMESPACE, SERVICE_ACCOUNT);
  }

  private static List<HasMetadata> render(KubernetesClient admin) {
    String manifests = Helm.run("template", RELEASE, Helm.chartDirectory().toString(), "--namespace", NAMESPACE)
        .requireSuccess().output();
    return admin.load(new ByteArrayInputStream(manifests.getBytes(StandardCharsets.UTF_8))).items();
  }
}
