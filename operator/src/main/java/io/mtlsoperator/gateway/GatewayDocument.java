package io.mtlsoperator.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed access to the untyped maps and lists of a Gateway read as a generic resource. */
final class GatewayDocument {

  private GatewayDocument() {
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return value instanceof List<?> list ? new ArrayList<>((List<Object>) list) : new ArrayList<>();
  }

  static String text(Map<String, Object> map, String key) {
    Object value = map.get(key);
    return value == null ? null : value.toString();
  }
}
