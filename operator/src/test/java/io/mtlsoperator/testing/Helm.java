package io.mtlsoperator.testing;

import io.mtlsoperator.testing.cluster.BuildScript;
import io.mtlsoperator.testing.cluster.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The helm command that testing/helm/build builds and caches, run on the chart in
 * helm/mtls-operator. Helm gets empty configuration, cache and data directories of its own,
 * so a developer's repositories and plugins never change what the tests see.
 */
public final class Helm {

  private static final Logger log = LoggerFactory.getLogger(Helm.class);
  private static final long BUILD_TIMEOUT_MINUTES = 30;
  private static final long COMMAND_TIMEOUT_MINUTES = 5;

  private static Path binary;
  private static Path home;

  private Helm() {
  }

  /** The output of one helm command. */
  public record Result(List<String> command, int exitCode, String output, String errors) {

    public Result requireSuccess() {
      if (exitCode != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + exitCode
            + ":\n" + errors + output);
      }
      return this;
    }
  }

  public static Path chartDirectory() {
    return RepositoryRoot.find().resolve("helm/mtls-operator");
  }

  /** Runs helm with {@code arguments}, without a cluster. */
  public static Result run(String... arguments) {
    return run(null, arguments);
  }

  /** Runs helm with {@code arguments} against the cluster that {@code kubeconfig} names. */
  public static Result run(Path kubeconfig, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(binary().toString());
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    environment.put("HELM_CONFIG_HOME", home().resolve("config").toString());
    environment.put("HELM_CACHE_HOME", home().resolve("cache").toString());
    environment.put("HELM_DATA_HOME", home().resolve("data").toString());
    if (kubeconfig != null) {
      environment.put("KUBECONFIG", kubeconfig.toString());
    } else {
      // Commands that need no cluster must not read a developer's kubeconfig either.
      environment.put("KUBECONFIG", home().resolve("no-cluster.kubeconfig").toString());
    }
    try {
      Process process = builder.start();
      CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
      String output = read(process.getInputStream());
      if (!process.waitFor(COMMAND_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " timed out after "
            + COMMAND_TIMEOUT_MINUTES + " minutes");
      }
      return new Result(List.copyOf(command), process.exitValue(), output, errors.join());
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + command, e);
    }
  }

  /**
   * Runs testing/helm/build once per JVM, which returns at once when its cache is current and
   * builds helm from its Go module otherwise, and returns the path it prints last.
   */
  public static synchronized Path binary() {
    if (binary != null) {
      return binary;
    }
    String lastLine = BuildScript.run(RepositoryRoot.find().resolve("testing/helm/build"),
        Duration.ofMinutes(BUILD_TIMEOUT_MINUTES), "--print-path");
    Path built = Path.of(lastLine);
    if (!Files.isExecutable(built)) {
      throw new IllegalStateException("testing/helm/build printed " + lastLine + ", which is not an executable");
    }
    binary = built;
    return binary;
  }

  private static synchronized Path home() {
    if (home == null) {
      try {
        home = Files.createTempDirectory("mtls-operator-helm");
        Path created = home;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(created), "delete-helm-home"));
      } catch (IOException e) {
        throw new UncheckedIOException("Failed to create a directory for helm's configuration", e);
      }
    }
    return home;
  }

  private static void deleteRecursively(Path directory) {
    try (var paths = Files.walk(directory)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      log.debug("Failed to delete {}", directory, e);
    }
  }

  private static String read(java.io.InputStream stream) {
    try (stream) {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to read helm's output", e);
    }
  }
}
