package io.mtlsoperator;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlsoperator.testing.cluster.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * crds/ is what users and the Helm chart apply, so it must equal what the model classes generate
 * (into target/classes/META-INF/fabric8 during the build). Run `make crds` after changing the API.
 */
class CrdsUpToDateTest {

  @Test
  void committedCrdsMatchGeneratedOnes() throws IOException {
    Path generated = Path.of("target/classes/META-INF/fabric8");
    Path committed = RepositoryRoot.find().resolve("crds");
    try (Stream<Path> files = Files.list(generated)) {
      for (Path file : files.filter(f -> f.toString().endsWith("-v1.yml")).toList()) {
        String name = file.getFileName().toString().replace("-v1.yml", ".yaml");
        Path committedFile = committed.resolve(name);
        assertThat(committedFile).as("crds/%s exists; run make crds", name).exists();
        assertThat(Files.readString(committedFile)).as("crds/%s is stale; run make crds", name)
            .isEqualTo(Files.readString(file));
      }
    }
  }
}
