package io.mtlsoperator.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.stream.Collectors;

/**
 * Describes the certificates of a PEM file by subject and issuer, to explain an unexpected
 * handshake result from public data only.
 */
final class CertificateFileSummary {

  private CertificateFileSummary() {
  }

  /** Returns e.g. "[CN=leaf issued by CN=intermediate, CN=intermediate issued by CN=root]". */
  static String describe(Path pemFile) {
    try (InputStream input = Files.newInputStream(pemFile)) {
      return CertificateFactory.getInstance("X.509").generateCertificates(input).stream()
          .map(X509Certificate.class::cast)
          .map(c -> c.getSubjectX500Principal().getName() + " issued by " + c.getIssuerX500Principal().getName())
          .collect(Collectors.joining(", ", "[", "]"));
    } catch (IOException | CertificateException e) {
      return "unreadable (" + e.getMessage() + ")";
    }
  }

  /** Describes the tls.crt and ca.crt of one Secret. */
  static String describe(TlsFiles files) {
    return TlsFiles.CERTIFICATE_CHAIN_KEY + " " + describe(files.certificateChain()) + ", "
        + TlsFiles.CA_CERTIFICATES_KEY + " " + describe(files.caCertificates());
  }
}
