package io.mtlsoperator.kube;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Reads and encodes Secret data, which the API carries base64-encoded. */
public final class SecretData {

  private SecretData() {
  }

  /** Returns the decoded value of {@code key} as UTF-8 text, or empty when the key is absent or blank. */
  public static Optional<String> text(Secret secret, String key) {
    return bytes(secret, key).map(b -> new String(b, StandardCharsets.UTF_8)).filter(s -> !s.isBlank());
  }

  public static Optional<byte[]> bytes(Secret secret, String key) {
    if (secret == null) {
      return Optional.empty();
    }
    if (secret.getData() != null && secret.getData().get(key) != null) {
      return Optional.of(Base64.getDecoder().decode(secret.getData().get(key)));
    }
    if (secret.getStringData() != null && secret.getStringData().get(key) != null) {
      return Optional.of(secret.getStringData().get(key).getBytes(StandardCharsets.UTF_8));
    }
    return Optional.empty();
  }

  public static String encode(String text) {
    return encode(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
