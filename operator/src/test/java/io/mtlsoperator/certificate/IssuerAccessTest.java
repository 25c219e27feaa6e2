package io.mtlsoperator.certificate;

import static io.mtlsoperator.testing.Resources.awaitNotReady;
import static io.mtlsoperator.testing.Resources.awaitReady;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.api.v1alpha1.AllowedNamespaces;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.api.v1alpha1.CertificateUsageName;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.api.v1alpha1.IssuerReference;
import io.mtlsoperator.api.v1alpha1.SelfSigned;
import io.mtlsoperator.authority.IssuerResolver;
import io.mtlsoperator.testing.Resources;
import io.mtlsoperator.testing.RunningOperator;
import io.mtlsoperator.testing.SharedCluster;
import io.mtlsoperator.testing.TestNamespaces;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** spec.allowedNamespaces decides which namespaces may issue from an authority. */
class IssuerAccessTest {

  private KubernetesClient client;
  private String authorityNamespace;
  private String appNamespace;
  private RunningOperator operator;

  @BeforeEach
  void startOperator() {
    client = SharedCluster.get().adminClient();
    authorityNamespace = TestNamespaces.create(client, "pki");
    appNamespace = TestNamespaces.create(client, "app");
    operator = RunningOperator.watching(client, authorityNamespace, appNamespace);
  }

  @AfterEach
  void stopOperator() {
    operator.close();
  }

  @Test
  void otherNamespaceIsRefusedByDefault() {
    awaitReady(client, client.resource(authority(allowed -> { })).create());

    MtlsCertificate certificate = client.resource(certificateFromOtherNamespace()).create();

    var condition = awaitNotReady(client, certificate, IssuerResolver.ISSUER_NOT_ALLOWED);
    assertThat(condition.getMessage()).contains("does not allow namespace " + appNamespace)
        .contains("spec.allowedNamespaces");
    assertThat(client.secrets().inNamespace(appNamespace).withName("cross-tls").get()).isNull();
  }

  @Test
  void listedNamespaceMayIssue() {
    awaitReady(client, client.resource(authority(allowed -> allowed.setNames(List.of(appNamespace)))).create());

    awaitReady(client, client.resource(certificateFromOtherNamespace()).create());

    assertThat(client.secrets().inNamespace(appNamespace).withName("cross-tls").get()).isNotNull();
  }

  @Test
  void namespaceMatchingSelectorMayIssue() {
    client.namespaces().withName(appNamespace).edit(namespace -> {
      namespace.getMetadata().getLabels().put("mtls-operator.io/issue-from-shared", "yes");
      return namespace;
    });
    awaitReady(client, client.resource(authority(allowed -> allowed.setSelector(new LabelSelectorBuilder()
        .addToMatchLabels("mtls-operator.io/issue-from-shared", "yes").build()))).create());

    awaitReady(client, client.resource(certificateFromOtherNamespace()).create());
  }

  private CertificateAuthority authority(Consumer<AllowedNamespaces> allowedCustomizer) {
    return Resources.authority(authorityNamespace, "shared", spec -> {
      spec.setSelfSigned(new SelfSigned());
      AllowedNamespaces allowed = new AllowedNamespaces();
      allowedCustomizer.accept(allowed);
      spec.setAllowedNamespaces(allowed);
    });
  }

  private MtlsCertificate certificateFromOtherNamespace() {
    return Resources.certificate(appNamespace, "cross", "shared", CertificateUsageName.Client,
        spec -> spec.setIssuerRef(new IssuerReference("shared", authorityNamespace)));
  }
}
