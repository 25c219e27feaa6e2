package io.mtlsoperator.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Connects to the OpenSSL server with {@code openssl s_client} as a workload would, with a client certificate. */
final class OpensslClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final byte[] REQUEST = "GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private OpensslClient() {
  }

  /**
   * Performs one mutual-TLS handshake and HTTP request. The client verifies the server's chain
   * against {@code serverCaFile} and its host name against {@code serverName}, so a refusal can only
   * come from the server.
   */
  static HandshakeResult connect(int port, String serverName, TlsFiles clientFiles, Path serverCaFile)
      throws InterruptedException {
    Process process = Openssl.start(List.of("s_client",
        "-connect", LoopbackPort.ADDRESS + ":" + port,
        "-servername", serverName,
        "-verify_hostname", serverName,
        "-cert", clientFiles.certificateChain().toString(),
        // As on the server: without -cert_chain, the intermediates in tls.crt would not be sent.
        "-cert_chain", clientFiles.certificateChain().toString(),
        "-key", clientFiles.privateKey().toString(),
        "-CAfile", serverCaFile.toString(),
        "-verify_return_error",
        // -quiet prints no certificates or session data and keeps reading after stdin ends, until the server closes.
        "-quiet"));
    try {
      ProcessOutput output = ProcessOutput.follow(process, "openssl s_client");
      sendRequest(process);
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        return new HandshakeResult(HandshakeResult.Verdict.FAILED, "timed out after " + TIMEOUT.toSeconds() + " s");
      }
      output.awaitEnd(Duration.ofSeconds(2));
      return judge(output.lines());
    } finally {
      Openssl.stop(process);
    }
  }

  private static void sendRequest(Process process) {
    try (OutputStream input = process.getOutputStream()) {
      input.write(REQUEST);
    } catch (IOException e) {
      // s_client has exited already, e.g. because the connection failed. Its output contains the reason.
    }
  }

  /** Classifies s_client's output: an HTTP 200, a TLS alert sent by the server, or another failure. */
  private static HandshakeResult judge(List<String> lines) {
    if (lines.stream().anyMatch(line -> line.startsWith("HTTP/1.0 200"))) {
      return new HandshakeResult(HandshakeResult.Verdict.ACCEPTED, "HTTP 200");
    }
    // "verify error:num=62:hostname mismatch": the client rejected the server, which is no server refusal.
    Optional<String> clientVerifyError = lines.stream().filter(line -> line.startsWith("verify error:")).findFirst();
    if (clientVerifyError.isPresent()) {
      return new HandshakeResult(HandshakeResult.Verdict.FAILED,
          "client rejected the server certificate: " + clientVerifyError.get().substring("verify error:".length()));
    }
    List<String> errors = lines.stream().filter(Openssl::isErrorLine).map(Openssl::errorReason).toList();
    // An alert received from the server reads "... tlsv1 alert unknown ca ... SSL alert number 48".
    Optional<String> alert = errors.stream().filter(reason -> reason.contains("alert")).findFirst();
    if (alert.isPresent()) {
      return new HandshakeResult(HandshakeResult.Verdict.REFUSED, alert.get());
    }
    String reason = "no output";
    if (!errors.isEmpty()) {
      reason = errors.get(0);
    } else if (!lines.isEmpty()) {
      reason = lines.get(lines.size() - 1);
    }
    return new HandshakeResult(HandshakeResult.Verdict.FAILED, reason);
  }
}
