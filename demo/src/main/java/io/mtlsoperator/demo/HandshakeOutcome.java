package io.mtlsoperator.demo;

/** A client's handshake result next to the result its issuer chain predicts. */
record HandshakeOutcome(boolean expectAccepted, HandshakeResult result) {

  boolean asExpected() {
    HandshakeResult.Verdict expected = expectAccepted
        ? HandshakeResult.Verdict.ACCEPTED : HandshakeResult.Verdict.REFUSED;
    return result.verdict() == expected;
  }

  /** Returns e.g. "refused (tlsv1 alert unknown ca), as expected" or "accepted, expected refused". */
  String describe() {
    String verdict = result.verdict() == HandshakeResult.Verdict.ACCEPTED ? "accepted" : result.describe();
    return verdict + (asExpected() ? ", as expected" : ", expected " + (expectAccepted ? "accepted" : "refused"));
  }
}
