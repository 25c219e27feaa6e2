package io.mtlsoperator.gateway;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mtlsoperator.lifecycle.ReconcileProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides what one listener of a Gateway API Gateway needs for mutual TLS: TLS termination with
 * the credential Secret in {@code certificateRefs}, and client validation through the trust
 * ConfigMap in {@code spec.tls.frontend.perPort} for the listener's port (the standard-channel
 * shape since Gateway API v1.5). The operator owns only those entries; a listener or port that
 * someone set up with other references is reported, never changed.
 */
final class GatewayApiListener {

  static final String GROUP = "gateway.networking.k8s.io";
  static final List<String> VERSIONS = List.of("v1");

  private GatewayApiListener() {
  }

  /**
   * Returns the JSON patch operations that make the listener match, empty when it already does.
   *
   * @throws ReconcileProblem when the listener is missing, ambiguous or configured by someone else
   */
  static GatewayEdit plan(GenericKubernetesResource gateway, GatewayTarget target) {
    Map<String, Object> spec = GatewayDocument.map(gateway.getAdditionalProperties().get("spec"));
    List<Object> listeners = GatewayDocument.list(spec.get("listeners"));
    int index = select(listeners, target);
    Map<String, Object> listener = GatewayDocument.map(listeners.get(index));
    String name = GatewayDocument.text(listener, "name");
    String where = "listener " + name + " of Gateway " + target.gatewayReference();

    String protocol = GatewayDocument.text(listener, "protocol");
    if (!"HTTPS".equals(protocol) && !"TLS".equals(protocol)) {
      throw new ReconcileProblem(GatewayProblems.SERVER_CONFLICT, where + " has protocol " + protocol
          + ", which cannot terminate mutual TLS: set it to HTTPS or TLS, or name another listener in "
          + "spec.gateway.server");
    }

    List<Map<String, Object>> operations = new ArrayList<>();
    Map<String, Object> tls = GatewayDocument.map(listener.get("tls"));
    if (!listenerMatches(tls, where, target)) {
      tls.put("mode", "Terminate");
      tls.put("certificateRefs", List.of(secretReference(target)));
      operations.add(Map.of("op", "add", "path", "/spec/listeners/" + index + "/tls", "value", tls));
    }

    Object port = listener.get("port");
    Map<String, Object> gatewayTls = GatewayDocument.map(spec.get("tls"));
    Map<String, Object> frontend = GatewayDocument.map(gatewayTls.get("frontend"));
    List<Object> perPort = GatewayDocument.list(frontend.get("perPort"));
    int portIndex = portEntry(perPort, port);
    Map<String, Object> entry = portIndex < 0 ? new LinkedHashMap<>() : GatewayDocument.map(perPort.get(portIndex));
    Map<String, Object> entryTls = GatewayDocument.map(entry.get("tls"));
    Map<String, Object> validation = GatewayDocument.map(entryTls.get("validation"));
    if (!validationMatches(validation, port, target)) {
      validation.put("caCertificateRefs", List.of(Map.of("group", "", "kind", "ConfigMap", "name", target.trustName())));
      entryTls.put("validation", validation);
      entry.put("port", port);
      entry.put("tls", entryTls);
      if (portIndex < 0) {
        perPort.add(entry);
      } else {
        perPort.set(portIndex, entry);
      }
      frontend.put("perPort", perPort);
      gatewayTls.put("frontend", frontend);
      operations.add(Map.of("op", "add", "path", "/spec/tls", "value", gatewayTls));
    }

    return operations.isEmpty() ? GatewayEdit.none(name) : GatewayEdit.of(name, operations,
        "set certificateRefs to Secret " + target.credentialReference() + " and client validation to ConfigMap "
            + target.trustName() + " for " + where);
  }

  private static boolean listenerMatches(Map<String, Object> tls, String where, GatewayTarget target) {
    String mode = GatewayDocument.text(tls, "mode");
    if ("Passthrough".equals(mode)) {
      throw new ReconcileProblem(GatewayProblems.SERVER_CONFLICT, where + " has tls.mode Passthrough, which someone "
          + "else set up, so the operator leaves it alone: change it to Terminate, or name another listener in "
          + "spec.gateway.server");
    }
    List<Object> references = GatewayDocument.list(tls.get("certificateRefs"));
    if (references.isEmpty()) {
      return false;
    }
    if (references.size() == 1 && refersTo(GatewayDocument.map(references.get(0)), target.credentialName(),
        target.credentialNamespace(), target.gatewayNamespace())) {
      return true;
    }
    if (references.size() == 1 && target.isOwnCredential(GatewayDocument.text(GatewayDocument.map(references.get(0)),
        "name"))) {
      return false;
    }
    throw new ReconcileProblem(GatewayProblems.SERVER_CONFLICT, where + " already has other certificateRefs, so "
        + "the operator leaves it alone: remove them, or name another listener in spec.gateway.server");
  }

  private static boolean validationMatches(Map<String, Object> validation, Object port, GatewayTarget target) {
    List<Object> references = GatewayDocument.list(validation.get("caCertificateRefs"));
    if (references.isEmpty()) {
      return false;
    }
    if (references.size() == 1 && refersTo(GatewayDocument.map(references.get(0)), target.trustName(),
        target.gatewayNamespace(), target.gatewayNamespace())) {
      return true;
    }
    if (references.size() == 1 && target.isOwnTrust(GatewayDocument.text(GatewayDocument.map(references.get(0)),
        "name"))) {
      return false;
    }
    throw new ReconcileProblem(GatewayProblems.SERVER_CONFLICT, "port " + port + " of Gateway "
        + target.gatewayReference() + " already validates clients against other caCertificateRefs in "
        + "spec.tls.frontend.perPort, so the operator leaves it alone: remove them, or use another port");
  }

  private static boolean refersTo(Map<String, Object> reference, String name, String namespace,
      String gatewayNamespace) {
    String referenceNamespace = GatewayDocument.text(reference, "namespace");
    return name.equals(GatewayDocument.text(reference, "name"))
        && namespace.equals(referenceNamespace == null ? gatewayNamespace : referenceNamespace);
  }

  private static Map<String, Object> secretReference(GatewayTarget target) {
    Map<String, Object> reference = new LinkedHashMap<>();
    reference.put("group", "");
    reference.put("kind", "Secret");
    reference.put("name", target.credentialName());
    if (!target.credentialNamespace().equals(target.gatewayNamespace())) {
      // TODO: a Secret in another namespace also needs a ReferenceGrant there, which the operator does not create.
      reference.put("namespace", target.credentialNamespace());
    }
    return reference;
  }

  private static int portEntry(List<Object> perPort, Object port) {
    for (int i = 0; i < perPort.size(); i++) {
      if (Objects.equals(String.valueOf(GatewayDocument.map(perPort.get(i)).get("port")), String.valueOf(port))) {
        return i;
      }
    }
    return -1;
  }

  private static int select(List<Object> listeners, GatewayTarget target) {
    List<String> names = listeners.stream().map(l -> GatewayDocument.text(GatewayDocument.map(l), "name")).toList();
    if (target.server() == null) {
      if (listeners.size() == 1) {
        return 0;
      }
      throw new ReconcileProblem(GatewayProblems.SERVER_NOT_FOUND, "Gateway " + target.gatewayReference() + " has "
          + listeners.size() + " listeners " + names + ": set spec.gateway.server to the name of one of them");
    }
    int index = names.indexOf(target.server());
    if (index < 0) {
      throw new ReconcileProblem(GatewayProblems.SERVER_NOT_FOUND, "Gateway " + target.gatewayReference()
          + " has no listener named " + target.server() + " (listeners: " + names + "): correct "
          + "spec.gateway.server or add the listener to the Gateway");
    }
    return index;
  }
}
