package io.mtlsoperator.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds a free TCP port on 127.0.0.1 for the OpenSSL test server. */
final class LoopbackPort {

  static final String ADDRESS = "127.0.0.1";

  private LoopbackPort() {
  }

  /**
   * Returns a port that was free a moment ago. Another process may take it before openssl binds it;
   * the server start then fails with openssl's bind error rather than hanging.
   */
  static int findFree() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(ADDRESS))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to find a free port on " + ADDRESS, e);
    }
  }
}
