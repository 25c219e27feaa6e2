package io.mtlsoperator.demo;

/** Result of one client connection to the OpenSSL server. */
record HandshakeResult(Verdict verdict, String detail) {

  enum Verdict {
    /** The handshake completed and the server returned HTTP 200. */
    ACCEPTED,
    /** The server ended the handshake with a TLS alert, i.e. it rejected the client certificate. */
    REFUSED,
    /** Anything else: the client rejected the server, the connection failed or timed out. */
    FAILED
  }

  String describe() {
    String word = switch (verdict) {
      case ACCEPTED -> "accepted";
      case REFUSED -> "refused";
      case FAILED -> "failed";
    };
    return detail == null || detail.isEmpty() ? word : word + " (" + detail + ")";
  }
}
