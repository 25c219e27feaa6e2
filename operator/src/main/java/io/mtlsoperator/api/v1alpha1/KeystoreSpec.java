package io.mtlsoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A keystore and truststore of one format, protected by a password from a Secret. */
public class KeystoreSpec {

  @Required
  @JsonPropertyDescription("Secret key that holds the password of the keystore and truststore. Keystores are never "
      + "written without a password.")
  private SecretKeyReference passwordSecretRef;

  public SecretKeyReference getPasswordSecretRef() {
    return passwordSecretRef;
  }

  public void setPasswordSecretRef(SecretKeyReference passwordSecretRef) {
    this.passwordSecretRef = passwordSecretRef;
  }
}
