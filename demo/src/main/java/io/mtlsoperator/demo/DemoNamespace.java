package io.mtlsoperator.demo;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The namespace the quickstart manifests are applied into; deleted afterwards only when the demo created it. */
final class DemoNamespace {

  private static final Logger log = LoggerFactory.getLogger(DemoNamespace.class);

  private final KubernetesClient client;
  private final String name;
  private final boolean created;

  private DemoNamespace(KubernetesClient client, String name, boolean created) {
    this.client = client;
    this.name = name;
    this.created = created;
  }

  /**
   * Creates the namespace or reuses an existing one. A namespace that an earlier run is still
   * deleting is first waited out.
   */
  static DemoNamespace createOrReuse(KubernetesClient client, String name, Duration deletionTimeout) {
    Namespace existing = client.namespaces().withName(name).get();
    if (existing != null && existing.getMetadata().getDeletionTimestamp() != null) {
      log.info("Namespace {} is still being deleted by an earlier run, waiting up to {} s", name,
          deletionTimeout.toSeconds());
      client.namespaces().withName(name)
          .waitUntilCondition(Objects::isNull, deletionTimeout.toMillis(), TimeUnit.MILLISECONDS);
      existing = null;
    }
    if (existing != null) {
      log.info("Reusing the existing namespace {}. The manifests are applied over its contents", name);
      return new DemoNamespace(client, name, false);
    }
    client.namespaces().resource(new NamespaceBuilder()
        .withNewMetadata().withName(name).endMetadata()
        .build()).create();
    log.info("Created namespace {}", name);
    return new DemoNamespace(client, name, true);
  }

  String name() {
    return name;
  }

  /**
   * Deletes the applied resources and then the namespace, if the demo created it, waiting for each
   * to be gone. Call this while the operator still runs, so that finalizers it may set are removed.
   * The resources go in reverse apply order: a certificate before its authority, an intermediate
   * before its root. Otherwise the operator would see certificates whose authority has vanished and
   * write failures into a namespace that is shutting down.
   */
  void deleteIfCreated(List<ResourceKey> applied, Duration timeout) {
    if (!created) {
      log.info("Keeping namespace {}, which existed before the demo", name);
      return;
    }
    log.info("Deleting the {} applied resources in reverse order, then namespace {}", applied.size(), name);
    List<ResourceKey> dependentsFirst = new ArrayList<>(applied);
    Collections.reverse(dependentsFirst);
    try {
      for (ResourceKey key : dependentsFirst) {
        deletePkiResource(key, timeout);
      }
      client.namespaces().withName(name).delete();
      client.namespaces().withName(name)
          .waitUntilCondition(Objects::isNull, timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      log.warn("Failed to delete namespace {} within {} s. Inspect it with 'kubectl get mca,mcert,secrets -n {} "
          + "-o yaml': {}", name, timeout.toSeconds(), name, e.getMessage());
    }
  }

  // Other kinds in the manifests are left to the namespace deletion.
  private void deletePkiResource(ResourceKey key, Duration timeout) {
    if (!PkiKinds.ALL.contains(key.kind())) {
      return;
    }
    var resource = client.genericKubernetesResources(PkiKinds.API_VERSION, key.kind())
        .inNamespace(name).withName(key.name());
    resource.delete();
    resource.waitUntilCondition(Objects::isNull, timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
