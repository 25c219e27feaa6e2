package io.mtlsoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;

/** Private key settings. */
@ValidationRule(value = "!has(self.size) || (self.algorithm == 'RSA' && self.size in [2048, 3072, 4096])"
    + " || (self.algorithm == 'ECDSA' && self.size in [256, 384])",
    message = "privateKey.size must be 2048, 3072 or 4096 for RSA, 256 or 384 for ECDSA, and unset for Ed25519")
@ValidationRule(value = "!has(self.encoding) || self.encoding != 'PKCS1' || self.algorithm == 'RSA'",
    message = "privateKey.encoding PKCS1 is only for RSA keys: use PKCS8")
public class PrivateKeySpec {

  @Default("ECDSA")
  @JsonPropertyDescription("Key algorithm: ECDSA (default), RSA or Ed25519.")
  private KeyAlgorithmName algorithm = KeyAlgorithmName.ECDSA;

  @JsonPropertyDescription("Key size in bits: 256 (default) or 384 for ECDSA; 2048 (default), 3072 or 4096 "
      + "for RSA; unset for Ed25519.")
  private Integer size;

  @Default("Always")
  @JsonPropertyDescription("Always (default) generates a new key on every issue; Never keeps the current key "
      + "while it matches algorithm and size.")
  private RotationPolicy rotationPolicy = RotationPolicy.Always;

  @Default("PKCS8")
  @JsonPropertyDescription("PEM encoding of tls.key: PKCS8 (default) or PKCS1 (RSA only).")
  private KeyEncoding encoding = KeyEncoding.PKCS8;

  public KeyAlgorithmName getAlgorithm() {
    return algorithm;
  }

  public void setAlgorithm(KeyAlgorithmName algorithm) {
    this.algorithm = algorithm;
  }

  public Integer getSize() {
    return size;
  }

  public void setSize(Integer size) {
    this.size = size;
  }

  public RotationPolicy getRotationPolicy() {
    return rotationPolicy;
  }

  public void setRotationPolicy(RotationPolicy rotationPolicy) {
    this.rotationPolicy = rotationPolicy;
  }

  public KeyEncoding getEncoding() {
    return encoding;
  }

  public void setEncoding(KeyEncoding encoding) {
    this.encoding = encoding;
  }
}
