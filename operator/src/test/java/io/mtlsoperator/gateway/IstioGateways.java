package io.mtlsoperator.gateway;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Istio Gateways for tests, in the shape of the Kyma mutual-TLS guide. */
final class IstioGateways {

  private IstioGateways() {
  }

  /** Builds a networking.istio.io/v1 Gateway for the default ingress gateway's pods, with {@code servers}. */
  @SafeVarargs
  static GenericKubernetesResource gateway(String namespace, String name, Map<String, Object>... servers) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("networking.istio.io/v1")
        .withKind("Gateway")
        .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
        .addToAdditionalProperties("spec", Map.of(
            "selector", Map.of("app", "istio-ingressgateway", "istio", "ingressgateway"),
            "servers", List.of(servers)))
        .build();
  }

  /** Builds a server for hosts *.mtls.example.com, without TLS settings when {@code tls} is null. */
  static Map<String, Object> server(String portName, int port, String protocol, Map<String, Object> tls) {
    Map<String, Object> server = new LinkedHashMap<>();
    server.put("port", Map.of("number", port, "name", portName, "protocol", protocol));
    server.put("hosts", List.of("*.mtls.example.com"));
    if (tls != null) {
      server.put("tls", tls);
    }
    return server;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> servers(GenericKubernetesResource gateway) {
    Map<String, Object> spec = (Map<String, Object>) gateway.getAdditionalProperties().get("spec");
    return (List<Map<String, Object>>) spec.get("servers");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
