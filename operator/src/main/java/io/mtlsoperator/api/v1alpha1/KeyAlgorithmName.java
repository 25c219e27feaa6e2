package io.mtlsoperator.api.v1alpha1;

/** Private key algorithms as spelled in the API. */
public enum KeyAlgorithmName {
  ECDSA,
  RSA,
  Ed25519
}
