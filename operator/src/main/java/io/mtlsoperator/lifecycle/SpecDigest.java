package io.mtlsoperator.lifecycle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A short digest of the spec fields that shape an issued certificate. It is stored on the
 * Secret; a different digest means the spec changed since the issue and a new certificate is due.
 */
public final class SpecDigest {

  private SpecDigest() {
  }

  /** Digests the parts in order; null and lists are written in a stable text form. */
  public static String of(Object... parts) {
    String canonical = java.util.Arrays.stream(parts).map(SpecDigest::canonical)
        .collect(Collectors.joining("\u001f"));
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static String canonical(Object part) {
    if (part instanceof List<?> list) {
      return list.stream().map(SpecDigest::canonical).collect(Collectors.joining(",", "[", "]"));
    }
    return Objects.toString(part, "-");
  }
}
