package io.mtlsoperator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.mtlsoperator.api.v1alpha1.GatewayKind;
import io.mtlsoperator.api.v1alpha1.ObjectReference;
import io.mtlsoperator.lifecycle.ReconcileProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the operator sets on a Gateway API listener and port, and what it leaves to others. */
class GatewayApiListenerTest {

  private static final GatewayTarget TARGET = new GatewayTarget(GatewayKind.GatewayAPI, "edge-system", "edge",
      "https", "edge-system", "api-tls", "edge-system", List.of(new ObjectReference("client-root", null)), null);

  @Test
  void bareListenerGetsCertificateAndPortValidation() {
    GatewayEdit edit = GatewayApiListener.plan(gateway(listener(null), null), TARGET);

    assertThat(edit.operations()).hasSize(2);
    Map<String, Object> tls = IstioGateways.map(edit.operations().get(0).get("value"));
    assertThat(tls).containsEntry("mode", "Terminate");
    assertThat(tls.get("certificateRefs")).isEqualTo(List.of(Map.of("group", "", "kind", "Secret",
        "name", "api-tls")));
    assertThat(edit.operations().get(1)).containsEntry("path", "/spec/tls");
    Map<String, Object> frontend = IstioGateways.map(IstioGateways.map(edit.operations().get(1).get("value"))
        .get("frontend"));
    assertThat(frontend.get("perPort")).isEqualTo(List.of(Map.of("port", 443, "tls", Map.of("validation",
        Map.of("caCertificateRefs", List.of(Map.of("group", "", "kind", "ConfigMap", "name", "api-tls-cacert")))))));
  }

  @Test
  void wiredListenerNeedsNoEdit() {
    Map<String, Object> validation = Map.of("validation", Map.of("caCertificateRefs",
        List.of(Map.of("group", "", "kind", "ConfigMap", "name", "api-tls-cacert"))));
    GenericKubernetesResource gateway = gateway(listener(Map.of("mode", "Terminate", "certificateRefs",
        List.of(Map.of("group", "", "kind", "Secret", "name", "api-tls")))),
        Map.of("frontend", Map.of("perPort", List.of(Map.of("port", 443, "tls", validation)))));

    assertThat(GatewayApiListener.plan(gateway, TARGET).changes()).isFalse();
  }

  @Test
  void previousOwnReferencesAreReplaced() {
    GatewayTarget renamed = new GatewayTarget(GatewayKind.GatewayAPI, "edge-system", "edge", "https", "edge-system",
        "api-tls-v2", "edge-system", List.of(new ObjectReference("client-root", null)), "api-tls");
    Map<String, Object> validation = Map.of("validation", Map.of("caCertificateRefs",
        List.of(Map.of("group", "", "kind", "ConfigMap", "name", "api-tls-cacert"))));
    GenericKubernetesResource gateway = gateway(listener(Map.of("mode", "Terminate", "certificateRefs",
        List.of(Map.of("group", "", "kind", "Secret", "name", "api-tls")))),
        Map.of("frontend", Map.of("perPort", List.of(Map.of("port", 443, "tls", validation)))));

    GatewayEdit edit = GatewayApiListener.plan(gateway, renamed);

    assertThat(edit.operations()).hasSize(2);
    assertThat(IstioGateways.map(edit.operations().get(0).get("value")).get("certificateRefs"))
        .isEqualTo(List.of(Map.of("group", "", "kind", "Secret", "name", "api-tls-v2")));
  }

  @Test
  void otherCertificateRefsAreConflict() {
    GenericKubernetesResource gateway = gateway(listener(Map.of("mode", "Terminate", "certificateRefs",
        List.of(Map.of("group", "", "kind", "Secret", "name", "wildcard")))), null);

    assertThatThrownBy(() -> GatewayApiListener.plan(gateway, TARGET))
        .isInstanceOfSatisfying(ReconcileProblem.class, problem ->
            assertThat(problem.reason()).isEqualTo("GatewayServerConflict"))
        .hasMessageContaining("other certificateRefs");
  }

  @Test
  void otherPortValidationIsConflict() {
    GenericKubernetesResource gateway = gateway(listener(null), Map.of("frontend", Map.of("perPort",
        List.of(Map.of("port", 443, "tls", Map.of("validation", Map.of("caCertificateRefs",
            List.of(Map.of("group", "", "kind", "ConfigMap", "name", "company-ca")))))))));

    assertThatThrownBy(() -> GatewayApiListener.plan(gateway, TARGET))
        .isInstanceOf(ReconcileProblem.class)
        .hasMessageContaining("port 443");
  }

  @Test
  void passthroughListenerIsConflict() {
    GenericKubernetesResource gateway = gateway(listener(Map.of("mode", "Passthrough")), null);

    assertThatThrownBy(() -> GatewayApiListener.plan(gateway, TARGET))
        .isInstanceOf(ReconcileProblem.class)
        .hasMessageContaining("Passthrough");
  }

  private static Map<String, Object> listener(Map<String, Object> tls) {
    Map<String, Object> listener = new LinkedHashMap<>(Map.of("name", "https", "port", 443, "protocol", "HTTPS"));
    if (tls != null) {
      listener.put("tls", tls);
    }
    return listener;
  }

  private static GenericKubernetesResource gateway(Map<String, Object> listener, Map<String, Object> tls) {
    Map<String, Object> spec = new LinkedHashMap<>(Map.of("gatewayClassName", "istio", "listeners",
        List.of(listener)));
    if (tls != null) {
      spec.put("tls", tls);
    }
    return new GenericKubernetesResourceBuilder().withApiVersion("gateway.networking.k8s.io/v1").withKind("Gateway")
        .withNewMetadata().withNamespace("edge-system").withName("edge").endMetadata()
        .addToAdditionalProperties("spec", spec).build();
  }
}
