package io.mtlsoperator.kube;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes the operator's part of a Secret with server-side apply. Apply keeps keys, labels and
 * annotations that other field managers added, and removes only those this manager wrote before
 * and no longer sends.
 */
public final class SecretApplier {

  /** Keys the operator writes only on request; one that is no longer requested is removed. */
  private static final Set<String> OPTIONAL_KEYS =
      Set.of("keystore.p12", "truststore.p12", "keystore.jks", "truststore.jks");

  private final KubernetesClient client;

  public SecretApplier(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Applies {@code desired} unless {@code current} already has every key, label and annotation
   * of it with the same value; returns whether it wrote.
   */
  public boolean applyIfChanged(Secret current, Secret desired) {
    if (current != null && contains(current, desired)) {
      return false;
    }
    // forceConflicts takes back fields that someone edited by hand: repairing them is our job.
    client.secrets().inNamespace(desired.getMetadata().getNamespace()).resource(desired)
        .fieldManager(SecretMetadata.FIELD_MANAGER).forceConflicts().serverSideApply();
    return true;
  }

  private static boolean contains(Secret current, Secret desired) {
    boolean staleOptionalKey = current.getData() != null && current.getData().keySet().stream()
        .anyMatch(key -> OPTIONAL_KEYS.contains(key) && !desired.getData().containsKey(key));
    return !staleOptionalKey
        && Objects.equals(current.getType(), desired.getType())
        && containsAll(current.getData(), desired.getData())
        && containsAll(current.getMetadata().getLabels(), desired.getMetadata().getLabels())
        && containsAll(current.getMetadata().getAnnotations(), desired.getMetadata().getAnnotations())
        && current.getMetadata().getOwnerReferences().equals(desired.getMetadata().getOwnerReferences());
  }

  private static boolean containsAll(Map<String, String> actual, Map<String, String> expected) {
    if (expected == null || expected.isEmpty()) {
      return true;
    }
    if (actual == null) {
      return false;
    }
    return expected.entrySet().stream().allMatch(e -> Objects.equals(actual.get(e.getKey()), e.getValue()));
  }
}
