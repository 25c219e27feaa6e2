package io.mtlsoperator.authority;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.api.v1alpha1.ObjectReference;
import io.mtlsoperator.kube.Conditions;
import io.mtlsoperator.lifecycle.ReconcileProblem;
import io.mtlsoperator.pki.PkiException;

/**
 * Finds the CertificateAuthority that an issuerRef names and checks, in order, that it exists,
 * allows the requester's namespace, is Ready and has readable material. Each failed check is a
 * ReconcileProblem whose reason names it.
 */
public final class IssuerResolver {

  public static final String ISSUER_NOT_FOUND = "IssuerNotFound";
  public static final String ISSUER_NOT_ALLOWED = "IssuerNotAllowed";
  public static final String ISSUER_NOT_READY = "IssuerNotReady";

  private final KubernetesClient client;
  private final NamespaceAccess namespaceAccess;

  public IssuerResolver(KubernetesClient client, NamespaceAccess namespaceAccess) {
    this.client = client;
    this.namespaceAccess = namespaceAccess;
  }

  public ResolvedIssuer resolve(ObjectReference issuerRef, String requesterNamespace) {
    return resolve(issuerRef, requesterNamespace, "spec.issuerRef");
  }

  /** Resolves a reference found in {@code field}, which the problem messages name. */
  public ResolvedIssuer resolve(ObjectReference issuerRef, String requesterNamespace, String field) {
    String namespace = issuerRef.namespaceOr(requesterNamespace);
    String reference = namespace + "/" + issuerRef.getName();

    CertificateAuthority authority = client.resources(CertificateAuthority.class)
        .inNamespace(namespace).withName(issuerRef.getName()).get();
    if (authority == null) {
      throw new ReconcileProblem(ISSUER_NOT_FOUND, "CertificateAuthority " + reference
          + " named in " + field
          + " was not found: create it or correct " + field);
    }

    if (!namespaceAccess.allows(authority, requesterNamespace)) {
      throw new ReconcileProblem(ISSUER_NOT_ALLOWED, "CertificateAuthority " + reference
          + " does not allow namespace " + requesterNamespace + " to issue from it: add the namespace to its "
          + "spec.allowedNamespaces, or use an authority in " + requesterNamespace);
    }

    if (authority.getStatus() == null || !Conditions.isTrue(authority.getStatus().getConditions(), Conditions.READY)) {
      throw ReconcileProblem.waiting(ISSUER_NOT_READY, "Waiting for CertificateAuthority " + reference
          + " to become Ready");
    }

    Secret secret = client.secrets().inNamespace(namespace).withName(authority.secretName()).get();
    try {
      AuthorityState state = AuthoritySecret.read(secret).orElseThrow(() -> ReconcileProblem.waiting(
          ISSUER_NOT_READY, "Secret " + namespace + "/" + authority.secretName() + " of CertificateAuthority "
              + reference + " contains no certificate and key yet"));
      return new ResolvedIssuer(authority, state.active(), state.trustAnchors());
    } catch (PkiException e) {
      throw new ReconcileProblem(ISSUER_NOT_READY, "Secret " + namespace + "/" + authority.secretName()
          + " of CertificateAuthority " + reference + " is unreadable: " + e.getMessage(), e);
    }
  }
}
