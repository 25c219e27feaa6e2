package io.mtlsoperator.demo;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies namespace-less manifests into one namespace with server-side apply, like kubectl apply --server-side. */
final class ManifestApplier {

  private static final Logger log = LoggerFactory.getLogger(ManifestApplier.class);

  /** Field manager written into managedFields, where {@code kubectl get -o yaml --show-managed-fields} shows it. */
  static final String FIELD_MANAGER = "mtls-operator-demo";

  private final KubernetesClient client;
  private final String namespace;
  private final List<ResourceKey> applied = new ArrayList<>();

  ManifestApplier(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  /** Applies every document of every file and returns the keys of the applied resources in file order. */
  List<ResourceKey> apply(List<Path> files) throws IOException {
    for (Path file : files) {
      for (HasMetadata resource : load(file)) {
        rejectOtherNamespace(resource, file);
        client.resource(resource).inNamespace(namespace)
            .fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        log.info("Applied {} {}/{} from {}", resource.getKind(), namespace, resource.getMetadata().getName(),
            file.getFileName());
        applied.add(ResourceKey.of(resource));
      }
    }
    return applied();
  }

  /** Returns what was applied so far, in apply order. After a failed apply, that is the part before the failure. */
  List<ResourceKey> applied() {
    return List.copyOf(applied);
  }

  private List<HasMetadata> load(Path file) throws IOException {
    try (InputStream input = Files.newInputStream(file)) {
      return client.load(input).items();
    }
  }

  // The examples are meant for any namespace; a namespace inside a manifest would send it elsewhere.
  private void rejectOtherNamespace(HasMetadata resource, Path file) {
    String declared = resource.getMetadata().getNamespace();
    if (declared != null && !declared.equals(namespace)) {
      throw new IllegalStateException(resource.getKind() + " " + resource.getMetadata().getName() + " in " + file
          + " sets metadata.namespace " + declared + "; remove it, the demo applies every manifest into "
          + namespace);
    }
  }
}
