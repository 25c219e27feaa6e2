package io.mtlsoperator.demo;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Follows spec.issuerRef from a resource up to the self-signed or imported authority at the top of
 * its chain. It reads the applied specs only, so the expected handshake results do not depend on
 * what the operator wrote into the Secrets.
 */
final class IssuerChains {

  private final String namespace;
  private final Map<String, ObservedResource> authorities;

  IssuerChains(String namespace, List<ObservedResource> resources) {
    this.namespace = namespace;
    this.authorities = resources.stream()
        .filter(r -> PkiKinds.CERTIFICATE_AUTHORITY.equals(r.key().kind()))
        .collect(Collectors.toMap(r -> r.key().name(), Function.identity()));
  }

  /** Returns the name of the CertificateAuthority at the top of the chain that issues {@code resource}. */
  String rootAuthorityOf(ObservedResource resource) {
    Set<String> visited = new LinkedHashSet<>();
    ObservedResource current = resource;
    while (true) {
      String issuerName = current.specString("issuerRef", "name");
      if (issuerName == null) {
        if (!PkiKinds.CERTIFICATE_AUTHORITY.equals(current.key().kind())) {
          throw new IllegalStateException(current.key() + " has no spec.issuerRef");
        }
        return current.key().name();
      }
      String issuerNamespace = current.specString("issuerRef", "namespace");
      if (issuerNamespace != null && !issuerNamespace.equals(namespace)) {
        throw new IllegalStateException(current.key() + " is issued from namespace " + issuerNamespace
            + "; the demo follows issuers inside " + namespace + " only");
      }
      if (!visited.add(issuerName)) {
        throw new IllegalStateException("The issuerRef chain of " + resource.key() + " has a cycle: " + visited);
      }
      current = authorities.get(issuerName);
      if (current == null) {
        throw new IllegalStateException("CertificateAuthority " + namespace + "/" + issuerName
            + " not found; it is the issuer in the chain of " + resource.key());
      }
    }
  }
}
