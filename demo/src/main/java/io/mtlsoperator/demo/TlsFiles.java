package io.mtlsoperator.demo;

import java.nio.file.Path;

/** PEM files of one kubernetes.io/tls Secret, named after the Secret keys they come from. */
record TlsFiles(Path certificateChain, Path privateKey, Path caCertificates) {

  static final String CERTIFICATE_CHAIN_KEY = "tls.crt";
  static final String PRIVATE_KEY_KEY = "tls.key";
  static final String CA_CERTIFICATES_KEY = "ca.crt";
}
