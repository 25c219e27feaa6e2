package io.mtlsoperator.gateway;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds which version of an API group the cluster serves, among the ones the operator can
 * write. A found version is remembered. A missing group is looked up again on the next call, so
 * an Istio or Gateway API installed after the operator started is picked up.
 */
public final class ServedVersions {

  private final KubernetesClient client;
  private final Map<String, String> found = new ConcurrentHashMap<>();

  public ServedVersions(KubernetesClient client) {
    this.client = client;
  }

  /** Returns the first of {@code preferred} that the cluster serves for {@code group}, or empty. */
  public Optional<String> find(String group, List<String> preferred) {
    String cached = found.get(group);
    if (cached != null) {
      return Optional.of(cached);
    }
    APIGroup served = client.getApiGroup(group);
    if (served == null || served.getVersions() == null) {
      return Optional.empty();
    }
    List<String> versions = served.getVersions().stream().map(GroupVersionForDiscovery::getVersion).toList();
    Optional<String> version = preferred.stream().filter(versions::contains).findFirst();
    version.ifPresent(v -> found.put(group, v));
    return version;
  }
}
