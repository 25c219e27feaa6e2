package io.mtlsoperator.authority;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.kube.SecretData;
import io.mtlsoperator.lifecycle.ReconcileProblem;
import io.mtlsoperator.pki.CaMaterial;
import io.mtlsoperator.pki.CaMaterialParser;
import io.mtlsoperator.lifecycle.IssueReason;
import io.mtlsoperator.pki.PkiException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads a user's CA from the Secret that spec.import names, strictly. */
public final class AuthorityImport {

  public static final String IMPORT_SECRET_NOT_FOUND = "ImportSecretNotFound";
  public static final String INVALID_IMPORT = "InvalidImport";

  /** Imported authorities have no spec fields that shape the certificate. */
  static final String IMPORT_DIGEST = "imported";

  private final KubernetesClient client;
  private final CaMaterialParser parser;

  public AuthorityImport(KubernetesClient client, CaMaterialParser parser) {
    this.client = client;
    this.parser = parser;
  }

  /**
   * Returns the next state of the authority's Secret: the imported CA once it differs from the
   * active one, through a pending phase when it brings a root that is not trusted yet.
   */
  public AuthorityIssuance.Result ensure(CertificateAuthority authority, Secret currentSecret, Instant now) {
    CaMaterial imported = read(authority);
    Optional<AuthorityState> current = AuthoritySecret.readQuietly(currentSecret);

    if (current.isPresent() && current.get().pending().isPresent()) {
      AuthorityState next = AuthorityTransitions.promoteIfDue(current.get(), now);
      return new AuthorityIssuance.Result(AuthorityTransitions.refresh(next, next.active(), List.of(), now),
          IMPORT_DIGEST, Optional.empty(), next.pending().isEmpty());
    }
    if (current.isPresent() && current.get().active().certificate().equals(imported.certificate())) {
      AuthorityState state = AuthorityTransitions.refresh(current.get(), imported, List.of(), now);
      return new AuthorityIssuance.Result(state, IMPORT_DIGEST, Optional.empty(), false);
    }
    Duration delay = AuthorityIssuance.trustPropagationDelay(authority.getSpec());
    AuthorityState next = AuthorityTransitions.adopt(current, imported, List.of(), delay, now);
    IssueReason reason = current.isEmpty() ? IssueReason.DoesNotExist : IssueReason.SpecChanged;
    return new AuthorityIssuance.Result(next, IMPORT_DIGEST, Optional.of(reason), false);
  }

  private CaMaterial read(CertificateAuthority authority) {
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
