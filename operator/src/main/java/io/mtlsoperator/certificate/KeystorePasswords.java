package io.mtlsoperator.certificate;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.api.v1alpha1.KeystoreSpec;
import io.mtlsoperator.api.v1alpha1.SecretKeyReference;
import io.mtlsoperator.kube.SecretData;
import io.mtlsoperator.lifecycle.ReconcileProblem;

/** Reads keystore passwords from the Secrets that spec.keystores names. */
final class KeystorePasswords {

  static final String PASSWORD_NOT_FOUND = "KeystorePasswordNotFound";

  private final KubernetesClient client;

  KeystorePasswords(KubernetesClient client) {
    this.client = client;
  }

  /** Returns the password, or null when {@code keystore} is not requested. */
  char[] read(String namespace, String field, KeystoreSpec keystore) {
    if (keystore == null) {
      return null;
    }
    SecretKeyReference reference = keystore.getPasswordSecretRef();
    String location = "Secret " + namespace + "/" + reference.getName();
    Secret secret = client.secrets().inNamespace(namespace).withName(reference.getName()).get();
    if (secret == null) {
      throw new ReconcileProblem(PASSWORD_NOT_FOUND, location + " named in " + field
          + ".passwordSecretRef was not found: create it with the keystore password under key " + reference.getKey());
    }
    String password = SecretData.text(secret, reference.getKey()).orElseThrow(() -> new ReconcileProblem(
        PASSWORD_NOT_FOUND, location + " has no non-empty key " + reference.getKey() + " for " + field
            + ": keystores are never written without a password"));
    return password.toCharArray();
  }
}
