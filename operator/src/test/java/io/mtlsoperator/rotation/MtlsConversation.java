package io.mtlsoperator.rotation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * A mutual-TLS server and client on 127.0.0.1 that handshake in a loop, each with the material of
 * its own mounted Secret. It records every failure and, for each success, the serial numbers of
 * the server and client certificates in use, with when they were first and last seen.
 */
final class MtlsConversation implements AutoCloseable {

  /** When a certificate (by serial number) was first and last seen in a successful handshake. */
  record Sighting(X509Certificate certificate, Instant first, Instant last) {
  }

  private static final Duration PAUSE = Duration.ofMillis(20);
  private static final int SOCKET_TIMEOUT_MILLIS = 5000;

  private final SSLServerSocket serverSocket;
  private final SSLContext clientContext;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicInteger successes = new AtomicInteger();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final Map<String, Sighting> serverCertificates = new ConcurrentHashMap<>();
  private final Map<String, Sighting> clientCertificates = new ConcurrentHashMap<>();
  private final Thread serverThread;
  private final Thread clientThread;

  MtlsConversation(MountedSecret server, MountedSecret client) throws IOException, GeneralSecurityException {
    SSLContext serverContext = SSLContext.getInstance("TLS");
    serverContext.init(new KeyManager[] {ReloadingManagers.keyManager(server)},
        new TrustManager[] {ReloadingManagers.trustManager(server::material)}, null);
    serverSocket = (SSLServerSocket) serverContext.getServerSocketFactory()
        .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    serverSocket.setNeedClientAuth(true);

    serverContext.getServerSessionContext().setSessionCacheSize(1);
    clientContext = SSLContext.getInstance("TLS");
    clientContext.init(new KeyManager[] {ReloadingManagers.keyManager(client)},
        new TrustManager[] {ReloadingManagers.trustManager(client::material)}, null);
    clientContext.getClientSessionContext().setSessionCacheSize(1);

    serverThread = new Thread(this::serve, "mtls-server");
    clientThread = new Thread(this::talk, "mtls-client");
    serverThread.start();
    clientThread.start();
  }

  private void serve() {
    while (running.get()) {
      try (SSLSocket socket = (SSLSocket) serverSocket.accept()) {
        socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
        socket.startHandshake();
        record(clientCertificates, (X509Certificate) socket.getSession().getPeerCertificates()[0]);
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        out.write(in.read());
        out.flush();
        socket.getSession().invalidate();
      } catch (IOException e) {
        if (running.get()) {
          failures.add(Instant.now() + " server: " + e);
        }
      }
    }
  }

  private void talk() {
    while (running.get()) {
      try (SSLSocket socket = (SSLSocket) clientContext.getSocketFactory()
          .createSocket(InetAddress.getLoopbackAddress(), serverSocket.getLocalPort())) {
        socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
        SSLParameters parameters = socket.getSSLParameters();
        // Check the server's name (its IP SAN) as an HTTPS client would.
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        record(serverCertificates, (X509Certificate) socket.getSession().getPeerCertificates()[0]);
        socket.getOutputStream().write(42);
        socket.getOutputStream().flush();
        if (socket.getInputStream().read() != 42) {
          failures.add(Instant.now() + " client: the server did not echo the byte");
        } else {
          successes.incrementAndGet();
        }
        // A resumed session skips the certificates, so every handshake must be a full one. The
        // TLS 1.3 session ticket arrives with the first read, so the session is dropped after it.
        socket.getSession().invalidate();
      } catch (SocketTimeoutException e) {
        failures.add(Instant.now() + " client: timed out: " + e.getMessage());
      } catch (IOException e) {
        failures.add(Instant.now() + " client: " + e);
      }
      sleep();
    }
  }

  private static void record(Map<String, Sighting> sightings, X509Certificate certificate) {
    Instant now = Instant.now();
    sightings.merge(certificate.getSerialNumber().toString(16), new Sighting(certificate, now, now),
        (earlier, later) -> new Sighting(earlier.certificate(), earlier.first(), now));
  }

  private void sleep() {
    try {
      Thread.sleep(PAUSE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.set(false);
    }
  }

  int successes() {
    return successes.get();
  }

  List<String> failures() {
    return List.copyOf(failures);
  }

  Map<String, Sighting> serverCertificates() {
    return Map.copyOf(serverCertificates);
  }

  Map<String, Sighting> clientCertificates() {
    return Map.copyOf(clientCertificates);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    running.set(false);
    clientThread.join(SOCKET_TIMEOUT_MILLIS * 2L);
    serverSocket.close();
    serverThread.join(SOCKET_TIMEOUT_MILLIS * 2L);
  }
}
