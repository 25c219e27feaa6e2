package io.mtlsoperator.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A directory laid out as the kubelet lays out a mounted Secret: each key is a symbolic link
 * {@code <key> -> ..data/<key>}, and {@code ..data} links to a directory of the current
 * version. An update writes a new version and swaps {@code ..data} in one rename, so a reader
 * sees either all old or all new files, never a new certificate beside an old key.
 */
final class SecretVolume {

  private static final String DATA_LINK = "..data";

  private final Path directory;
  private final AtomicInteger versions = new AtomicInteger();

  SecretVolume(Path directory) {
    this.directory = directory;
  }

  Path directory() {
    return directory;
  }

  Path file(String key) {
    return directory.resolve(key);
  }

  /** Replaces the volume's content with {@code data}, whose keys must be the same on every call. */
  synchronized void write(Map<String, String> data) {
    try {
      Files.createDirectories(directory);
      String version = "..version-" + versions.incrementAndGet();
      Path versionDirectory = Files.createDirectory(directory.resolve(version));
      for (Map.Entry<String, String> entry : data.entrySet()) {
        Files.writeString(versionDirectory.resolve(entry.getKey()), entry.getValue());
      }

      Path previous = Files.isSymbolicLink(directory.resolve(DATA_LINK))
          ? directory.resolve(Files.readSymbolicLink(directory.resolve(DATA_LINK)))
          : null;
      Path newLink = directory.resolve(DATA_LINK + "_tmp");
      Files.deleteIfExists(newLink);
      Files.createSymbolicLink(newLink, Path.of(version));
      Files.move(newLink, directory.resolve(DATA_LINK), StandardCopyOption.ATOMIC_MOVE);

      for (String key : data.keySet()) {
        Path link = directory.resolve(key);
        if (!Files.isSymbolicLink(link)) {
          Files.createSymbolicLink(link, Path.of(DATA_LINK, key));
        }
      }
      if (previous != null) {
        deleteRecursively(previous);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to write the secret volume " + directory, e);
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
