package io.mtlsoperator.testing.cluster;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root, so that tests started from any module find its scripts and CRDs. */
public final class RepositoryRoot {

  public static final String PROPERTY = "mtls.repository.root";

  private RepositoryRoot() {
  }

  /** Returns the nearest directory at or above the working directory that contains testing/control-plane. */
  public static Path find() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null) {
      return Path.of(configured).toAbsolutePath();
    }
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("testing/control-plane"))) {
        return dir;
      }
    }
    throw new IllegalStateException("No directory at or above " + start
        + " contains testing/control-plane; run from inside the repository or set -D" + PROPERTY);
  }
}
