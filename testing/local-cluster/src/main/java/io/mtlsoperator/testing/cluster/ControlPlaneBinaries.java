package io.mtlsoperator.testing.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The cached control-plane binaries, built on first use by testing/control-plane/build. */
record ControlPlaneBinaries(Path cacheRoot, String version) {

  private static final Logger log = LoggerFactory.getLogger(ControlPlaneBinaries.class);
  private static final long BUILD_TIMEOUT_MINUTES = 60;

  Path directory() {
    return cacheRoot.resolve("k8s").resolve(version + "-linux-amd64");
  }

  Path binary(String name) {
    return directory().resolve(name);
  }

  /**
   * Runs the build script, which returns at once when the cache is current, and reads the cache
   * directory it prints last. The script's progress lines go to this log, so a cold build that
   * takes minutes shows what it is doing.
   */
  static ControlPlaneBinaries build(Path repositoryRoot) {
    BuildScript.run(repositoryRoot.resolve("testing/control-plane/build"), Duration.ofMinutes(BUILD_TIMEOUT_MINUTES));
    try {
      return fromCache(repositoryRoot);
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to read the control-plane cache", e);
    }
  }

  private static ControlPlaneBinaries fromCache(Path repositoryRoot) throws IOException {
    String cacheDir = System.getenv("MTLS_CACHE_DIR");
    Path cacheRoot = (cacheDir != null ? Path.of(cacheDir)
        : Path.of(System.getProperty("user.home"), ".cache", "mtls-operator")).resolve("control-plane");
    String version = kubernetesVersion(repositoryRoot.resolve("testing/control-plane/go.mod"));
    ControlPlaneBinaries binaries = new ControlPlaneBinaries(cacheRoot, version);
    for (String name : new String[] {"etcd", "kube-apiserver", "kube-controller-manager", "kubectl"}) {
      if (!Files.isExecutable(binaries.binary(name))) {
        throw new IllegalStateException("Missing " + binaries.binary(name) + " after the build");
      }
    }
    return binaries;
  }

  private static String kubernetesVersion(Path goMod) throws IOException {
    for (String line : Files.readAllLines(goMod)) {
      // Matches both "require k8s.io/kubernetes vX" and a line inside a require block.
      String[] words = line.trim().split("\\s+");
      boolean requireLine = !line.contains("=>") && !line.trim().startsWith("//");
      for (int i = 0; requireLine && i + 1 < words.length; i++) {
        if (words[i].equals("k8s.io/kubernetes")) {
          return words[i + 1].substring(1);
        }
      }
    }
    throw new IllegalStateException("No 'require k8s.io/kubernetes' line in " + goMod);
  }
}
