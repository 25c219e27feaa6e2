package io.mtlsoperator.bench.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The operator in its own JVM, started from operator/target/mtls-operator.jar as {@code Main}
 * with a kubeconfig for the local control plane, so that its heap and RSS are its own. Its
 * output goes to a log file; its /metrics and /readyz are read on loopback.
 */
final class OperatorProcess implements AutoCloseable {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final int metricsPort;
  private final long startedNanos;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private OperatorProcess(Process process, int metricsPort, long startedNanos) {
    this.process = process;
    this.metricsPort = metricsPort;
    this.startedNanos = startedNanos;
  }

  /** Starts the operator; returns at once, before it has connected to the API server. */
  static OperatorProcess start(Path operatorJar, Path kubeconfig, List<String> jvmOptions, Path logFile) {
    if (!Files.isRegularFile(operatorJar)) {
      throw new IllegalStateException("Operator jar " + operatorJar + " not found: build it with "
          + "'mvn -B -q -pl bench -am package -DskipTests' from the repository root");
    }
    int port = freeLoopbackPort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(operatorJar.toString());
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    builder.environment().put("METRICS_PORT", String.valueOf(port));
    builder.environment().remove("WATCH_NAMESPACES");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    try {
      long started = System.nanoTime();
      Process process = builder.start();
      return new OperatorProcess(process, port, started);
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to start the operator: " + command, e);
    }
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to find a free port for the operator's metrics", e);
    }
  }

  long pid() {
    return process.pid();
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  /** System.nanoTime() just before the process was started. */
  long startedNanos() {
    return startedNanos;
  }

  /** Returns the operator's /metrics text, or empty while its HTTP server is not up yet. */
  Optional<String> metricsText() {
    return get("/metrics").filter(response -> response.statusCode() == 200).map(HttpResponse::body);
  }

  /** Returns whether /readyz returns 200, which means the informers have filled their caches. */
  boolean isReady() {
    return get("/readyz").map(response -> response.statusCode() == 200).orElse(false);
  }

  private Optional<HttpResponse<String>> get(String path) {
    ensureAlive();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + path))
        .timeout(Duration.ofSeconds(30)).build();
    try {
      return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (ConnectException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to read " + path + " of the operator on port " + metricsPort, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading the operator's " + path, e);
    }
  }

  void ensureAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException("The operator exited with code " + process.exitValue()
          + "; see its log in the output directory");
    }
  }

  /** Sends SIGTERM so the shutdown hook stops the operator, and kills it after 30 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
