package io.mtlsoperator.authority;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.api.v1alpha1.AllowedNamespaces;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;

/** Decides whether resources in a namespace may issue from an authority (spec.allowedNamespaces). */
public final class NamespaceAccess {

  private final KubernetesClient client;

  public NamespaceAccess(KubernetesClient client) {
    this.client = client;
  }

  /** Allows the authority's own namespace always, and others only when listed or selected by label. */
  public boolean allows(CertificateAuthority authority, String requesterNamespace) {
    if (authority.getMetadata().getNamespace().equals(requesterNamespace)) {
      return true;
    }
    AllowedNamespaces allowed = authority.getSpec().getAllowedNamespaces();
    if (allowed == null) {
      return false;
    }
    if (allowed.getNames() != null && allowed.getNames().contains(requesterNamespace)) {
      return true;
    }
    if (allowed.getSelector() == null) {
      return false;
    }
    Namespace namespace = client.namespaces().withName(requesterNamespace).get();
    return namespace != null
        && LabelSelectorMatcher.matches(allowed.getSelector(), namespace.getMetadata().getLabels());
  }
}
