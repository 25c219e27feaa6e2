package io.mtlsoperator.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.Set;

/**
 * The namespaces the operator watches, and so may read and write: all of them, or a list. With a
 * list, the Helm chart grants rights only there, so cross-namespace work stays inside it.
 */
public record WatchedNamespaces(boolean all, Set<String> names) {

  public static WatchedNamespaces of(Context<? extends HasMetadata> context) {
    Set<String> effective = context.getControllerConfiguration().getEffectiveNamespaces();
    return InformerConfiguration.allNamespacesWatched(effective)
        ? new WatchedNamespaces(true, Set.of()) : new WatchedNamespaces(false, Set.copyOf(effective));
  }

  public boolean contains(String namespace) {
    return all || names.contains(namespace);
  }
}
