package io.mtlsoperator.gateway;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mtlsoperator.lifecycle.ReconcileProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what one server of an Istio Gateway needs for mutual TLS: {@code tls.mode: MUTUAL} and
 * {@code tls.credentialName}. The operator owns only those two fields. A server that someone set
 * up for another credential or a mode that cannot carry ours is reported, never changed.
 */
final class IstioGatewayServer {

  static final String GROUP = "networking.istio.io";
  static final List<String> VERSIONS = List.of("v1", "v1beta1", "v1alpha3");

  private static final Set<String> TLS_PROTOCOLS = Set.of("HTTPS", "TLS");
  /** Modes in which the gateway does not terminate TLS with a credential of its own. */
  private static final Set<String> FOREIGN_MODES = Set.of("PASSTHROUGH", "AUTO_PASSTHROUGH", "ISTIO_MUTUAL");

  private IstioGatewayServer() {
  }

  /**
   * Returns the JSON patch operations that make the server match, empty when it already does.
   *
   * @throws ReconcileProblem when the server is missing, ambiguous or configured by someone else
   */
  static GatewayEdit plan(GenericKubernetesResource gateway, GatewayTarget target) {
    Map<String, Object> spec = GatewayDocument.map(gateway.getAdditionalProperties().get("spec"));
    List<Object> servers = GatewayDocument.list(spec.get("servers"));
    int index = select(servers, target);
    Map<String, Object> server = GatewayDocument.map(servers.get(index));
    String name = portName(server);
    String where = "server " + (name == null ? "#" + index : name) + " of Gateway " + target.gatewayReference();

    String protocol = GatewayDocument.text(GatewayDocument.map(server.get("port")), "protocol");
    if (protocol == null || !TLS_PROTOCOLS.contains(protocol.toUpperCase())) {
      throw new ReconcileProblem(GatewayProblems.SERVER_CONFLICT, where + " has protocol " + protocol
          + ", which cannot terminate mutual TLS: set its port protocol to HTTPS or TLS, or name another server in "
          + "spec.gateway.server");
    }

    Map<String, Object> tls = GatewayDocument.map(server.get("tls"));
    String credential = GatewayDocument.text(tls, "credentialName");
    String mode = GatewayDocument.text(tls, "mode");
    if (credential != null && !credential.isEmpty() && !target.isOwnCredential(credential)) {
      throw new ReconcileProblem(GatewayProblems.SERVER_CONFLICT, where + " uses credentialName " + credential
          + ", not " + target.credentialName() + ", so the operator leaves it alone: set spec.gateway.credentialName "
          + "to " + credential + ", or remove the server's credentialName");
    }
    if (mode != null && FOREIGN_MODES.contains(mode) && credential == null) {
      throw new ReconcileProblem(GatewayProblems.SERVER_CONFLICT, where + " has tls.mode " + mode
          + ", which someone else set up, so the operator leaves it alone: change the mode to MUTUAL or SIMPLE, or "
          + "name another server in spec.gateway.server");
    }

    String displayName = name == null ? "#" + index : name;
    if ("MUTUAL".equals(mode) && target.credentialName().equals(credential)) {
      return GatewayEdit.none(displayName);
    }
    tls.put("mode", "MUTUAL");
    tls.put("credentialName", target.credentialName());
    return GatewayEdit.of(displayName, List.of(Map.of("op", "add", "path", "/spec/servers/" + index + "/tls",
        "value", tls)), "set tls.mode MUTUAL and credentialName " + target.credentialName() + " on " + where);
  }

  private static int select(List<Object> servers, GatewayTarget target) {
    List<String> names = new ArrayList<>();
    for (Object server : servers) {
      names.add(String.valueOf(portName(GatewayDocument.map(server))));
    }
    if (target.server() == null) {
      if (servers.size() == 1) {
        return 0;
      }
      throw new ReconcileProblem(GatewayProblems.SERVER_NOT_FOUND, "Gateway " + target.gatewayReference() + " has "
          + servers.size() + " servers " + names + ": set spec.gateway.server to the port name of one of them");
    }
    int index = names.indexOf(target.server());
    if (index < 0) {
      throw new ReconcileProblem(GatewayProblems.SERVER_NOT_FOUND, "Gateway " + target.gatewayReference()
          + " has no server with port name " + target.server() + " (servers: " + names + "): correct "
          + "spec.gateway.server or add the server to the Gateway");
    }
    return index;
  }

  private static String portName(Map<String, Object> server) {
    return GatewayDocument.text(GatewayDocument.map(server.get("port")), "name");
  }
}
