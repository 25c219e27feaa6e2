package io.mtlsoperator.testing.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one of the repository's cached-build scripts (testing/&#42;/build). Such a script returns at
 * once when its cache is current, and it prints the cache location last. Its progress lines go
 * to this log, so a cold build that takes minutes shows what it is doing.
 */
public final class BuildScript {

  private static final Logger log = LoggerFactory.getLogger(BuildScript.class);

  private BuildScript() {
  }

  /** Runs {@code script} with {@code arguments} and returns its last output line, trimmed. */
  public static String run(Path script, Duration timeout, String... arguments) {
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String lastLine = null;
      try (BufferedReader output = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
          log.info("{}", line);
          lastLine = line;
        }
      }
      if (!process.waitFor(timeout.toMinutes(), TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException(script + " failed; last output line: " + lastLine);
      }
      if (lastLine == null || lastLine.isBlank()) {
        throw new IllegalStateException(script + " printed nothing");
      }
      return lastLine.trim();
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + script, e);
    }
  }
}
