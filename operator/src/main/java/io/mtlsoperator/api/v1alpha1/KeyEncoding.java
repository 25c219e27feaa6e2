package io.mtlsoperator.api.v1alpha1;

/** PEM encoding of tls.key. */
public enum KeyEncoding {
  PKCS8,
  /** Only for RSA keys. */
  PKCS1
}
