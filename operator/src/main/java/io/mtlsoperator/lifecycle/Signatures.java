package io.mtlsoperator.lifecycle;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

/** Checks who signed a certificate. */
public final class Signatures {

  private Signatures() {
  }

  /** Tells whether {@code issuer}'s key signed {@code certificate} and its subject is the certificate's issuer name. */
  public static boolean isSignedBy(X509Certificate certificate, X509Certificate issuer) {
    if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
      return false;
    }
    try {
      certificate.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
