package io.mtlsoperator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mtlsoperator.api.v1alpha1.GatewayKind;
import io.mtlsoperator.api.v1alpha1.ObjectReference;
import io.mtlsoperator.lifecycle.ReconcileProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which Istio Gateway servers the operator takes over, and which it reports and leaves alone. */
class IstioGatewayServerTest {

  private static final GatewayTarget TARGET = target("mtls");

  @Test
  void serverWithoutTlsGetsMutualAndCredential() {
    GatewayEdit edit = IstioGatewayServer.plan(gateway(IstioGateways.server("mtls", 443, "HTTPS", null)), TARGET);

    assertThat(edit.changes()).isTrue();
    assertThat(edit.server()).isEqualTo("mtls");
    assertThat(edit.operations()).singleElement().satisfies(operation -> {
      assertThat(operation).containsEntry("op", "add").containsEntry("path", "/spec/servers/0/tls");
      assertThat(IstioGateways.map(operation.get("value"))).containsEntry("mode", "MUTUAL")
          .containsEntry("credentialName", "kyma-mtls");
    });
  }

  @Test
  void simpleServerKeepsItsOtherTlsFields() {
    GatewayEdit edit = IstioGatewayServer.plan(gateway(IstioGateways.server("mtls", 443, "HTTPS",
        Map.of("mode", "SIMPLE", "minProtocolVersion", "TLSV1_3"))), TARGET);

    assertThat(IstioGateways.map(edit.operations().get(0).get("value")))
        .containsEntry("mode", "MUTUAL").containsEntry("minProtocolVersion", "TLSV1_3");
  }

  @Test
  void matchingServerNeedsNoEdit() {
    GatewayEdit edit = IstioGatewayServer.plan(gateway(IstioGateways.server("mtls", 443, "HTTPS",
        Map.of("mode", "MUTUAL", "credentialName", "kyma-mtls"))), TARGET);

    assertThat(edit.changes()).isFalse();
  }

  @Test
  void ownCredentialWithChangedModeIsRestored() {
    GatewayEdit edit = IstioGatewayServer.plan(gateway(IstioGateways.server("mtls", 443, "HTTPS",
        Map.of("mode", "SIMPLE", "credentialName", "kyma-mtls"))), TARGET);

    assertThat(IstioGateways.map(edit.operations().get(0).get("value"))).containsEntry("mode", "MUTUAL");
  }

  @Test
  void otherCredentialIsConflict() {
    var gateway = gateway(IstioGateways.server("mtls", 443, "HTTPS",
        Map.of("mode", "MUTUAL", "credentialName", "kyma-gateway-certs")));

    assertThatThrownBy(() -> IstioGatewayServer.plan(gateway, TARGET))
        .isInstanceOfSatisfying(ReconcileProblem.class, problem ->
            assertThat(problem.reason()).isEqualTo("GatewayServerConflict"))
        .hasMessageContaining("credentialName kyma-gateway-certs");
  }

  @Test
  void previousOwnCredentialIsReplaced() {
    GatewayTarget renamed = new GatewayTarget(GatewayKind.Istio, "test", "kyma-mtls-gateway", "mtls", "istio-system",
        "kyma-mtls-v2", "istio-system", List.of(new ObjectReference("client-root", null)), "kyma-mtls");

    GatewayEdit edit = IstioGatewayServer.plan(gateway(IstioGateways.server("mtls", 443, "HTTPS",
        Map.of("mode", "MUTUAL", "credentialName", "kyma-mtls"))), renamed);

    assertThat(IstioGateways.map(edit.operations().get(0).get("value")))
        .containsEntry("credentialName", "kyma-mtls-v2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PASSTHROUGH", "AUTO_PASSTHROUGH", "ISTIO_MUTUAL"})
  void foreignModeIsConflict(String mode) {
    var gateway = gateway(IstioGateways.server("mtls", 443, "TLS", Map.of("mode", mode)));

    assertThatThrownBy(() -> IstioGatewayServer.plan(gateway, TARGET))
        .isInstanceOf(ReconcileProblem.class)
        .hasMessageContaining("tls.mode " + mode);
  }

  @Test
  void plainHttpServerIsConflict() {
    var gateway = gateway(IstioGateways.server("mtls", 80, "HTTP", null));

    assertThatThrownBy(() -> IstioGatewayServer.plan(gateway, TARGET))
        .isInstanceOf(ReconcileProblem.class)
        .hasMessageContaining("protocol HTTP");
  }

  @Test
  void namedServerIsFoundAmongSeveral() {
    GatewayEdit edit = IstioGatewayServer.plan(gateway(IstioGateways.server("http", 80, "HTTP", null),
        IstioGateways.server("mtls", 443, "HTTPS", null)), TARGET);

    assertThat(edit.operations().get(0)).containsEntry("path", "/spec/servers/1/tls");
  }

  @Test
  void unknownServerNameListsTheServers() {
    var gateway = gateway(IstioGateways.server("https", 443, "HTTPS", null));

    assertThatThrownBy(() -> IstioGatewayServer.plan(gateway, TARGET))
        .isInstanceOfSatisfying(ReconcileProblem.class, problem ->
            assertThat(problem.reason()).isEqualTo("GatewayServerNotFound"))
        .hasMessageContaining("[https]");
  }

  @Test
  void onlyServerIsTakenWithoutName() {
    GatewayEdit edit = IstioGatewayServer.plan(gateway(IstioGateways.server("https", 443, "HTTPS", null)),
        target(null));

    assertThat(edit.server()).isEqualTo("https");
  }

  private static GatewayTarget target(String server) {
    return new GatewayTarget(GatewayKind.Istio, "test", "kyma-mtls-gateway", server, "istio-system", "kyma-mtls",
        "istio-system", List.of(new ObjectReference("client-root", null)), null);
  }

  @SafeVarargs
  private static GenericKubernetesResource gateway(Map<String, Object>... servers) {
    return IstioGateways.gateway("test", "kyma-mtls-gateway", servers);
  }
}
