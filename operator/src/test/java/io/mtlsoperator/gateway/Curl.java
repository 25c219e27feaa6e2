package io.mtlsoperator.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the system curl as an HTTPS client of a gateway on 127.0.0.1: the request names the
 * gateway's host, {@code --resolve} sends it to loopback, and curl checks the server's chain
 * against a CA bundle and presents a client certificate when one is given.
 */
public final class Curl {

  /** A client certificate chain (leaf first) and its private key, as PEM files. */
  public record ClientCertificate(Path certificateChain, Path privateKey) {
  }

  /**
   * The outcome of one request. {@code exitCode} is curl's (0 when an HTTP response arrived);
   * {@code status} is the HTTP status code, 0 when there was none, e.g. after a failed handshake.
   */
  public record Result(int exitCode, int status, String body, String stderr) {

    /** Returns whether an HTTP response arrived, whatever its status. */
    public boolean responded() {
      return exitCode == 0 && status != 0;
    }

    @Override
    public String toString() {
      return "curl exit code " + exitCode + ", HTTP status " + status + ", body: " + body.strip()
          + (stderr.isBlank() ? "" : ", stderr: " + stderr.strip());
    }
  }

  /** Upper bound for one request, so that a server that hangs fails the test instead of blocking it. */
  private static final int MAX_TIME_SECONDS = 30;

  private final Path workDirectory;
  private final AtomicInteger requests = new AtomicInteger();

  /** Creates a client that keeps each response body in a file of {@code workDirectory}. */
  public Curl(Path workDirectory) {
    this.workDirectory = workDirectory;
  }

  /**
   * Sends {@code GET https://host:port/path} to 127.0.0.1:port, trusting only the CAs in
   * {@code caBundle}, with {@code client} as the client certificate or none when null. Returns
   * the result whether or not the handshake succeeded; throws only when curl cannot run.
   */
  public Result get(String host, int port, String path, Path caBundle, ClientCertificate client) {
    Path body = workDirectory.resolve("curl-body-" + requests.incrementAndGet());
    List<String> command = new ArrayList<>(List.of(
        "curl",
        // -q must come first: it skips ~/.curlrc, whose options could change the request.
        "-q",
        "-sS",
        // A proxy from the environment would take the request away from 127.0.0.1.
        "--noproxy", "*",
        "--max-time", Integer.toString(MAX_TIME_SECONDS),
        "--resolve", host + ":" + port + ":127.0.0.1",
        "--cacert", caBundle.toString(),
        "-o", body.toString(),
        "-w", "%{http_code}"));
    if (client != null) {
      command.addAll(List.of("--cert", client.certificateChain().toString(),
          "--key", client.privateKey().toString()));
    }
    command.add("https://" + host + ":" + port + path);
    return run(command, body);
  }

  private static Result run(List<String> command, Path body) {
    try {
      Path stderrFile = Files.createTempFile(body.getParent(), "curl-stderr-", ".txt");
      Process process = new ProcessBuilder(command)
          .redirectError(stderrFile.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .start();
      String statusText = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(MAX_TIME_SECONDS + 10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("curl did not exit within " + (MAX_TIME_SECONDS + 10) + " s: "
            + String.join(" ", command));
      }
      String stderr = Files.readString(stderrFile);
      String responseBody = Files.exists(body) ? Files.readString(body) : "";
      return new Result(process.exitValue(), parseStatus(statusText), responseBody, stderr);
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to run curl; is it installed? Command: " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running curl", e);
    }
  }

  /** Parses curl's %{http_code}, which is "000" when no response arrived. */
  private static int parseStatus(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
