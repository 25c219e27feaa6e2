package io.mtlsoperator.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the YAML manifests of an example folder in the order that kubectl apply -f would read them. */
final class ManifestFiles {

  private ManifestFiles() {
  }

  /** Returns the *.yaml and *.yml files of {@code directory}, sorted by name; fails when there are none. */
  static List<Path> in(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      throw new IllegalStateException("Manifest directory " + directory + " not found; run the demo from the "
          + "repository checkout");
    }
    List<Path> files;
    try (Stream<Path> entries = Files.list(directory)) {
      files = entries.filter(ManifestFiles::isYaml).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("No *.yaml manifests found in " + directory);
    }
    return files;
  }

  static boolean isYaml(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
  }
}
