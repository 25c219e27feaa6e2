package io.mtlsoperator.demo;

import java.time.Duration;
import java.util.Locale;

/** Formats durations for progress lines, e.g. "2.3 s". */
final class Elapsed {

  private Elapsed() {
  }

  static String format(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
