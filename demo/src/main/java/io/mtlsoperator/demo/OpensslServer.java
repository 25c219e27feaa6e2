package io.mtlsoperator.demo;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@code openssl s_server} on 127.0.0.1 that plays the gateway. It presents a server Secret's
 * chain, requires a client certificate that chains to the Secret's ca.crt, and sends an HTTP 200
 * status page over each accepted connection.
 */
final class OpensslServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OpensslServer.class);
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);

  /**
   * Maximum number of intermediate CAs between a client certificate and the trusted root; the
   * quickstart's clients have at most one (gateway-intermediate-ca).
   */
  private static final String MAX_CLIENT_CHAIN_DEPTH = "1";

  private final Process process;
  private final ProcessOutput output;
  private final int port;

  private OpensslServer(Process process, ProcessOutput output, int port) {
    this.process = process;
    this.output = output;
    this.port = port;
  }

  /** Starts the server and waits until it accepts connections. */
  static OpensslServer start(TlsFiles serverFiles, int port) throws InterruptedException {
    Process process = Openssl.start(List.of("s_server",
        "-accept", LoopbackPort.ADDRESS + ":" + port,
        "-cert", serverFiles.certificateChain().toString(),
        // -cert reads only the first certificate of tls.crt; -cert_chain sends the intermediates after it.
        "-cert_chain", serverFiles.certificateChain().toString(),
        "-key", serverFiles.privateKey().toString(),
        "-CAfile", serverFiles.caCertificates().toString(),
        // Upper-case -Verify makes a client certificate mandatory; lower-case would only request one.
        "-Verify", MAX_CLIENT_CHAIN_DEPTH,
        "-verify_return_error",
        "-www"));
    ProcessOutput output = ProcessOutput.follow(process, "openssl s_server");
    OpensslServer server = new OpensslServer(process, output, port);
    try {
      if (!output.awaitLine(line -> line.startsWith("ACCEPT"), STARTUP_TIMEOUT)) {
        throw new IllegalStateException("openssl s_server did not start listening on " + LoopbackPort.ADDRESS
            + ":" + port + " within " + STARTUP_TIMEOUT.toSeconds() + " s; its output: " + output.lines());
      }
    } catch (InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
    log.info("openssl s_server listens on {}:{}", LoopbackPort.ADDRESS, port);
    return server;
  }

  int port() {
    return port;
  }

  /** Returns the error lines the server has printed so far, for explaining an unexpected result. */
  List<String> errorLines() {
    return output.lines().stream().filter(Openssl::isErrorLine).map(Openssl::errorReason).toList();
  }

  @Override
  public void close() {
    Openssl.stop(process);
  }
}
