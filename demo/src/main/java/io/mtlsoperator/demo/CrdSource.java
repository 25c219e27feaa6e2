package io.mtlsoperator.demo;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.testing.cluster.CrdInstaller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Installs the operator's CustomResourceDefinitions: the committed files in crds/, or, in a
 * checkout that has no crds/ yet, the files that the CRD generator writes during the operator build.
 */
final class CrdSource {

  static final String COMMITTED_DIRECTORY = "crds";
  static final String GENERATED_DIRECTORY = "operator/target/classes/META-INF/fabric8";

  private CrdSource() {
  }

  /** Installs every CRD and waits until the API server serves it; returns the CRD names. */
  static List<String> install(KubernetesClient client, Path repositoryRoot) throws IOException {
    List<Path> files = crdFiles(repositoryRoot.resolve(COMMITTED_DIRECTORY));
    if (files.isEmpty()) {
      files = crdFiles(repositoryRoot.resolve(GENERATED_DIRECTORY));
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("No CRD files found in " + COMMITTED_DIRECTORY + "/ or "
          + GENERATED_DIRECTORY + "/ under " + repositoryRoot
          + "; run 'mvn -pl operator process-classes' to generate them");
    }
    List<String> names = new ArrayList<>();
    for (Path file : files) {
      names.add(CrdInstaller.install(client, file));
    }
    return names;
  }

  private static List<Path> crdFiles(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.filter(ManifestFiles::isYaml).sorted().toList();
    }
  }
}
