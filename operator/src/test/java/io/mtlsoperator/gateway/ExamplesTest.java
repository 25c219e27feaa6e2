package io.mtlsoperator.gateway;

import static io.mtlsoperator.testing.Resources.awaitReady;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.OperatorSettings;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.testing.RunningOperator;
import io.mtlsoperator.testing.SharedCluster;
import io.mtlsoperator.testing.cluster.RepositoryRoot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The gateway examples against the real API server with the real Istio and Gardener CRDs. The
 * local variant is applied with the operator running and must end wired. The Kyma variant needs
 * a running Gardener for its server certificate, so it must only pass the API server's validation.
 */
class ExamplesTest {

  @Test
  void localExampleEndsWithWiredGateway() throws IOException {
    KubernetesClient client = SharedCluster.get().adminClient();
    createNamespaces(client);

    try (RunningOperator operator = RunningOperator.start(new OperatorSettings(Clock.systemUTC(),
        Set.of("test", "istio-system")).withGatewayCredentialNamespaces(Set.of("istio-system")))) {
      for (HasMetadata object : load(client, "examples/k3d-local")) {
        client.resource(object).fieldManager("examples-test").serverSideApply();
      }

      MtlsCertificate server = awaitReady(client, client.resources(MtlsCertificate.class).inNamespace("test")
          .withName("kyma-mtls").get());
      awaitReady(client, client.resources(MtlsCertificate.class).inNamespace("test").withName("curl-client").get());
      assertThat(server.getStatus().getGateway().getGatewayMatches()).isTrue();
      assertThat(client.secrets().inNamespace("istio-system").withName("kyma-mtls").get()).isNotNull();
      assertThat(client.secrets().inNamespace("istio-system").withName("kyma-mtls-cacert").get().getData())
          .containsKey("cacert");
    }
  }

  @Test
  void kymaExamplePassesValidation() throws IOException {
    KubernetesClient client = SharedCluster.get().adminClient();
    createNamespaces(client);

    List<HasMetadata> objects = load(client, "examples/kyma-gateway");

    assertThat(objects).extracting(HasMetadata::getKind)
        .containsExactly("CertificateAuthority", "Gateway", "MtlsCertificate", "MtlsCertificate");
    for (HasMetadata object : objects) {
      // A dry run passes the CRD's schema and CEL rules without leaving the object behind.
      HasMetadata checked = client.resource(object).dryRun().fieldManager("examples-test").serverSideApply();

      assertThat(checked.getMetadata().getName()).as("%s accepted", object.getKind())
          .isEqualTo(object.getMetadata().getName());
    }
  }

  private static void createNamespaces(KubernetesClient client) {
    for (String name : List.of("test", "istio-system")) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
          .serverSideApply();
    }
  }

  private static List<HasMetadata> load(KubernetesClient client, String directory) throws IOException {
    List<HasMetadata> objects = new ArrayList<>();
    try (Stream<Path> files = Files.list(RepositoryRoot.find().resolve(directory))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (InputStream input = Files.newInputStream(file)) {
          objects.addAll(client.load(input).items());
        }
      }
    }
    return objects;
  }
}
