package io.mtlsoperator.demo;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A CertificateAuthority or MtlsCertificate as last read, with typed access to the fields the demo uses. */
record ObservedResource(GenericKubernetesResource resource) {

  ResourceKey key() {
    return ResourceKey.of(resource);
  }

  /** Returns {@code namespace/name}, the form every log line uses. */
  String qualifiedName() {
    return resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
  }

  /**
   * Returns whether the Ready condition is True for the current generation. A condition written
   * for an older generation does not count, because it describes a spec that is no longer applied.
   */
  boolean isReady() {
    Optional<Map<String, Object>> ready = readyCondition();
    if (ready.isEmpty() || !"True".equals(ready.get().get("status"))) {
      return false;
    }
    Object observed = ready.get().get("observedGeneration");
    Long generation = resource.getMetadata().getGeneration();
    return observed == null || generation == null || ((Number) observed).longValue() == generation;
  }

  /** Returns the Ready condition's status (True, False, Unknown), or "-" while the operator has written none. */
  String readyStatus() {
    return readyCondition().map(c -> Objects.toString(c.get("status"), "-")).orElse("-");
  }

  /** Describes the Ready condition for logs, e.g. {@code Ready=False (IssuerNotReady: ...)}. */
  String describeReadyCondition() {
    return readyCondition()
        .map(c -> "Ready=" + c.get("status") + " (" + c.get("reason") + ": " + c.get("message") + ")")
        .orElse("no Ready condition yet");
  }

  /** Returns status.notAfter, or "-" before the first certificate is issued. */
  String notAfter() {
    Object value = resource.get("status", "notAfter");
    return value == null ? "-" : value.toString();
  }

  /** Returns a string field of the spec, e.g. {@code specString("issuerRef", "name")}, or null when absent. */
  String specString(String... path) {
    Object[] fullPath = new Object[path.length + 1];
    fullPath[0] = "spec";
    System.arraycopy(path, 0, fullPath, 1, path.length);
    Object value = resource.get(fullPath);
    return value == null ? null : value.toString();
  }

  /** Returns a string list field of the spec, or an empty list when absent. */
  @SuppressWarnings("unchecked")
  List<String> specStrings(String field) {
    Object value = resource.get("spec", field);
    return value instanceof List<?> list ? (List<String>) list : List.of();
  }

  @SuppressWarnings("unchecked")
  private Optional<Map<String, Object>> readyCondition() {
    Object conditions = resource.get("status", "conditions");
    if (!(conditions instanceof List<?> list)) {
      return Optional.empty();
    }
    return list.stream()
        .filter(Map.class::isInstance)
        .map(c -> (Map<String, Object>) c)
        .filter(c -> "Ready".equals(c.get("type")))
        .findFirst();
  }
}
