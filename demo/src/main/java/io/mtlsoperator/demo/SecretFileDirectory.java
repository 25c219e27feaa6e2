package io.mtlsoperator.demo;

import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A temporary directory, open to the current user only, that contains Secrets' PEM files the way a
 * pod mounts them: one folder per Secret, one file per key. Closing it deletes every file.
 */
final class SecretFileDirectory implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SecretFileDirectory.class);

  private static final FileAttribute<?> OWNER_ONLY_DIRECTORY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
  // Files are created with these permissions, so a private key is never readable by others, not even briefly.
  private static final FileAttribute<?> OWNER_READ_WRITE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private final Path root;

  private SecretFileDirectory(Path root) {
    this.root = root;
  }

  static SecretFileDirectory create() throws IOException {
    return new SecretFileDirectory(Files.createTempDirectory("mtls-demo-", OWNER_ONLY_DIRECTORY));
  }

  /** Writes tls.crt, tls.key and ca.crt of {@code secret} into a folder named after it. */
  TlsFiles write(Secret secret) throws IOException {
    String secretName = secret.getMetadata().getName();
    Path folder = Files.createDirectory(root.resolve(secretName), OWNER_ONLY_DIRECTORY);
    return new TlsFiles(
        writeKey(secret, TlsFiles.CERTIFICATE_CHAIN_KEY, folder),
        writeKey(secret, TlsFiles.PRIVATE_KEY_KEY, folder),
        writeKey(secret, TlsFiles.CA_CERTIFICATES_KEY, folder));
  }

  private static Path writeKey(Secret secret, String key, Path folder) throws IOException {
    Map<String, String> data = secret.getData();
    String encoded = data == null ? null : data.get(key);
    if (encoded == null || encoded.isEmpty()) {
      throw new IllegalStateException("Secret " + secret.getMetadata().getNamespace() + "/"
          + secret.getMetadata().getName() + " has no " + key + "; a certificate Secret must contain "
          + List.of(TlsFiles.CERTIFICATE_CHAIN_KEY, TlsFiles.PRIVATE_KEY_KEY, TlsFiles.CA_CERTIFICATES_KEY));
    }
    Path file = Files.createFile(folder.resolve(key), OWNER_READ_WRITE);
    Files.write(file, Base64.getDecoder().decode(encoded));
    return file;
  }

  @Override
  public void close() {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      log.warn("Failed to delete the temporary key directory {}; delete it by hand: {}", root, e.toString());
    }
  }
}
