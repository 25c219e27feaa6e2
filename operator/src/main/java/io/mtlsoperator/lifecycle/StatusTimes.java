package io.mtlsoperator.lifecycle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Formats instants for status fields and annotations: RFC 3339 in UTC, whole seconds. */
public final class StatusTimes {

  private StatusTimes() {
  }

  public static String format(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
