package io.mtlsoperator.authority;

import io.mtlsoperator.lifecycle.Signatures;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Completes a stored chain with its root from the trust anchors, since tls.crt leaves the root out. */
final class ChainCompletion {

  private ChainCompletion() {
  }

  /** Returns {@code certificates} followed by the anchor that signed the last of them, unless it is self-signed. */
  static List<X509Certificate> withRoot(List<X509Certificate> certificates, List<X509Certificate> anchors) {
    List<X509Certificate> chain = new ArrayList<>(certificates);
    X509Certificate last = chain.get(chain.size() - 1);
    if (Signatures.isSignedBy(last, last)) {
      return chain;
    }
    anchors.stream().filter(anchor -> Signatures.isSignedBy(last, anchor)).findFirst().ifPresent(chain::add);
    return chain;
  }
}
