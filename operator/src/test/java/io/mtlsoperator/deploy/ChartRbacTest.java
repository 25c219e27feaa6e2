package io.mtlsoperator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules the chart grants, read from helm template. The integration tests run every reconcile
 * path with exactly these rules; this test pins them, so that a new right is a deliberate change.
 */
class ChartRbacTest {

  private static final RenderedChart ALL_NAMESPACES = RenderedChart.render("mtls-operator", "mtls-system");
  private static final RenderedChart LISTED_NAMESPACES = RenderedChart.render("mtls-operator", "mtls-system",
      "--set", "watchNamespaces={payments,gateway}");

  /** Describes each rule as "apiGroup resource [resourceNames] verb,verb", so a difference reads at a glance. */
  private static List<String> describe(List<PolicyRule> rules) {
    return rules.stream().flatMap(rule -> rule.getApiGroups().stream().flatMap(group ->
        rule.getResources().stream().map(resource -> (group.isEmpty() ? "core" : group) + " " + resource
            + (rule.getResourceNames() == null || rule.getResourceNames().isEmpty() ? ""
                : " " + rule.getResourceNames())
            + " " + String.join(",", rule.getVerbs()))))
        .toList();
  }

  @Test
  void reconcileRoleGrantsOnlyTheNeededRights() {
    ClusterRole role = ALL_NAMESPACES.one(ClusterRole.class, "mtls-operator");

    assertThat(describe(role.getRules())).containsExactlyInAnyOrder(
        "pki.mtls-operator.io certificateauthorities get,list,watch",
        "pki.mtls-operator.io mtlscertificates get,list,watch",
        "pki.mtls-operator.io certificateauthorities patch",
        "pki.mtls-operator.io mtlscertificates patch",
        "pki.mtls-operator.io certificateauthorities/status patch",
        "pki.mtls-operator.io mtlscertificates/status patch",
        "core secrets get,list,watch,create,patch,delete",
        "core configmaps get,list,watch,create,patch,delete",
        "networking.istio.io gateways get,list,watch,patch",
        "gateway.networking.k8s.io gateways get,list,watch,patch",
        "cert.gardener.cloud certificates get,list,create,patch,delete",
        "core events create");
  }

  @Test
  void gatewayCredentialRoleCoversOnlyGatewayObjects() {
    RenderedChart listed = RenderedChart.render("mtls-operator", "mtls-system",
        "--set", "watchNamespaces={payments}", "--set", "gateway.credentialNamespaces={istio-system}");
    ClusterRole role = listed.one(ClusterRole.class, "mtls-operator-gateway-credentials");

    assertThat(describe(role.getRules())).containsExactlyInAnyOrder(
        "core secrets get,list,watch,create,patch,delete",
        "core configmaps get,list,watch,create,patch,delete",
        "cert.gardener.cloud certificates get,list,create,patch,delete");
  }

  @Test
  void gatewayCredentialNamespacesAreBoundOnlyWhenListed() {
    RenderedChart listed = RenderedChart.render("mtls-operator", "mtls-system",
        "--set", "watchNamespaces={payments,gateway}", "--set", "gateway.credentialNamespaces={istio-system,gateway}");
    RenderedChart everywhere = RenderedChart.render("mtls-operator", "mtls-system",
        "--set", "gateway.credentialNamespaces={istio-system}");

    List<RoleBinding> credentialBindings = listed.all(RoleBinding.class).stream()
        .filter(binding -> binding.getRoleRef().getName().equals("mtls-operator-gateway-credentials"))
        .toList();
    assertThat(credentialBindings).extracting(binding -> binding.getMetadata().getNamespace())
        .as("gateway is watched already, so only istio-system needs the extra binding")
        .containsExactly("istio-system");
    assertThat(everywhere.all(RoleBinding.class)).extracting(binding -> binding.getRoleRef().getName())
        .doesNotContain("mtls-operator-gateway-credentials");
    assertThat(everywhere.all(ClusterRole.class)).extracting(role -> role.getMetadata().getName())
        .as("the cluster-wide rules already cover every namespace").doesNotContain("mtls-operator-gateway-credentials");
  }

  @Test
  void namespaceRoleOnlyReadsNamespaces() {
    ClusterRole role = ALL_NAMESPACES.one(ClusterRole.class, "mtls-operator-namespaces");

    assertThat(describe(role.getRules())).containsExactly("core namespaces get", "core namespaces list,watch");
  }

  @Test
  void leaseRoleCoversOnlyTheChartsLease() {
    Role role = ALL_NAMESPACES.one(Role.class, "mtls-operator-leader-election");

    assertThat(role.getMetadata().getNamespace()).isEqualTo("mtls-system");
    assertThat(describe(role.getRules())).containsExactly(
        "coordination.k8s.io leases [mtls-operator-leader] get,patch,update,create");
  }

  @Test
  void noRuleGrantsWildcardsOrEscalation() {
    var rules = ALL_NAMESPACES.all(ClusterRole.class).stream().flatMap(role -> role.getRules().stream()).toList();

    assertThat(rules).allSatisfy(rule -> {
      assertThat(rule.getVerbs()).doesNotContain("*", "deletecollection", "escalate", "bind", "impersonate");
      assertThat(rule.getResources()).doesNotContain("*");
      assertThat(rule.getApiGroups()).doesNotContain("*");
      assertThat(rule.getNonResourceURLs()).isNullOrEmpty();
    });
  }

  @Test
  void allNamespacesBindBothRolesClusterWide() {
    List<ClusterRoleBinding> bindings = ALL_NAMESPACES.all(ClusterRoleBinding.class);

    assertThat(bindings).extracting(binding -> binding.getRoleRef().getName())
        .containsExactlyInAnyOrder("mtls-operator", "mtls-operator-namespaces");
    assertThat(bindings).allSatisfy(binding -> assertThat(binding.getSubjects()).singleElement().satisfies(subject -> {
      assertThat(subject.getKind()).isEqualTo("ServiceAccount");
      assertThat(subject.getName()).isEqualTo("mtls-operator");
      assertThat(subject.getNamespace()).isEqualTo("mtls-system");
    }));
  }

  @Test
  void listedNamespacesBindReconcileRightsPerNamespace() {
    List<RoleBinding> bindings = LISTED_NAMESPACES.all(RoleBinding.class).stream()
        .filter(binding -> binding.getRoleRef().getKind().equals("ClusterRole"))
        .toList();

    assertThat(bindings).extracting(binding -> binding.getMetadata().getNamespace())
        .containsExactlyInAnyOrder("payments", "gateway");
    assertThat(bindings).allSatisfy(binding -> assertThat(binding.getRoleRef().getName()).isEqualTo("mtls-operator"));
    assertThat(LISTED_NAMESPACES.all(ClusterRoleBinding.class)).extracting(binding -> binding.getRoleRef().getName())
        .containsExactly("mtls-operator-namespaces");
  }

  @Test
  void listedNamespacesLimitNamespaceReads() {
    ClusterRole role = LISTED_NAMESPACES.one(ClusterRole.class, "mtls-operator-namespaces");

    assertThat(describe(role.getRules()))
        .containsExactly("core namespaces [payments, gateway] get", "core namespaces list,watch");
  }
}
