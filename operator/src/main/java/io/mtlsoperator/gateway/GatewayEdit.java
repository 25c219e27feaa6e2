package io.mtlsoperator.gateway;

import java.util.List;
import java.util.Map;

/**
 * The JSON patch operations that make a Gateway's server or listener match, and a sentence for
 * the Event; no operations when it already matches.
 */
record GatewayEdit(String server, List<Map<String, Object>> operations, String description) {

  static GatewayEdit none(String server) {
    return new GatewayEdit(server, List.of(), "");
  }

  static GatewayEdit of(String server, List<Map<String, Object>> operations, String description) {
    return new GatewayEdit(server, operations, description);
  }

  boolean changes() {
    return !operations.isEmpty();
  }
}
