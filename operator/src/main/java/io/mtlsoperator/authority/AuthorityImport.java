package io.mtlsoperator.authority;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.kube.SecretData;
import io.mtlsoperator.lifecycle.ReconcileProblem;
import io.mtlsoperator.pki.CaMaterial;
import io.mtlsoperator.pki.CaMaterialParser;
import io.mtlsoperator.pki.PkiException;

/** Reads a user's CA from the Secret that spec.import names, strictly. */
public final class AuthorityImport {

  public static final String IMPORT_SECRET_NOT_FOUND = "ImportSecretNotFound";
  public static final String INVALID_IMPORT = "InvalidImport";

  private final KubernetesClient client;
  private final CaMaterialParser parser;

  public AuthorityImport(KubernetesClient client, CaMaterialParser parser) {
    this.client = client;
    this.parser = parser;
  }

  public CaMaterial read(CertificateAuthority authority) {
    String namespace = authority.getMetadata().getNamespace();
    String secretName = authority.getSpec().getImportSource().getSecretName();
    String reference = namespace + "/" + secretName;

    Secret secret = client.secrets().inNamespace(namespace).withName(secretName).get();
    if (secret == null) {
      throw new ReconcileProblem(IMPORT_SECRET_NOT_FOUND, "Secret " + reference
          + " named in spec.import.secretName was not found: create it with tls.crt and tls.key of the CA");
    }

    String certificates = SecretData.text(secret, AuthoritySecret.TLS_CRT).orElseThrow(() -> new ReconcileProblem(
        INVALID_IMPORT, "Secret " + reference + " has no tls.crt: add the CA certificate in PEM"));
    String key = SecretData.text(secret, AuthoritySecret.TLS_KEY).orElseThrow(() -> new ReconcileProblem(
        INVALID_IMPORT, "Secret " + reference + " has no tls.key: add the CA private key in PEM"));
    String chain = SecretData.text(secret, AuthoritySecret.CA_CRT).orElse(null);
    try {
      return parser.parse(certificates, key, chain);
    } catch (PkiException e) {
      throw new ReconcileProblem(INVALID_IMPORT, "Secret " + reference + " does not hold a usable CA: "
          + e.getMessage(), e);
    }
  }
}
