package io.mtlsoperator.lifecycle;

import io.mtlsoperator.api.v1alpha1.PrivateKeySpec;
import io.mtlsoperator.api.v1alpha1.RotationPolicy;
import io.mtlsoperator.pki.KeyPairFactory;
import io.mtlsoperator.pki.KeySpec;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.PrivateKey;
import java.util.Optional;

/** Chooses the key for an issue: a new one, or the current one under rotationPolicy Never. */
public final class KeySource {

  private final KeyPairFactory keyPairFactory;

  public KeySource(KeyPairFactory keyPairFactory) {
    this.keyPairFactory = keyPairFactory;
  }

  /**
   * Returns the current key pair when the policy is Never and it has the requested algorithm and
   * size; otherwise a new one.
   */
  public KeyPair keyFor(PrivateKeySpec spec, KeySpec requested, Optional<X509Certificate> currentCertificate,
      Optional<PrivateKey> currentKey) {
    boolean keep = spec != null && spec.getRotationPolicy() == RotationPolicy.Never
        && currentCertificate.isPresent() && currentKey.isPresent()
        && KeySpec.of(currentCertificate.get().getPublicKey()).equals(requested);
    if (keep) {
      return new KeyPair(currentCertificate.get().getPublicKey(), currentKey.get());
    }
    return keyPairFactory.generate(requested);
  }
}
