package io.mtlsoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Optional Java-friendly encodings of the same key and chain. */
public class Keystores {

  @JsonPropertyDescription("Writes keystore.p12 (key and chain) and truststore.p12 (ca.crt) into the Secret.")
  private KeystoreSpec pkcs12;

  @JsonPropertyDescription("Writes keystore.jks (key and chain) and truststore.jks (ca.crt) into the Secret.")
  private KeystoreSpec jks;

  public KeystoreSpec getPkcs12() {
    return pkcs12;
  }

  public void setPkcs12(KeystoreSpec pkcs12) {
    this.pkcs12 = pkcs12;
  }

  public KeystoreSpec getJks() {
    return jks;
  }

  public void setJks(KeystoreSpec jks) {
    this.jks = jks;
  }
}
