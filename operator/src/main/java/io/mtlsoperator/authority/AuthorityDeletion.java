package io.mtlsoperator.authority;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.api.v1alpha1.ObjectReference;
import io.mtlsoperator.kube.EventRecorder;
import io.mtlsoperator.kube.WatchedNamespaces;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cleans up after a deleted authority: removes the trust bundles it published in other namespaces
 * (owner references cannot cross namespaces), and reports the resources it still issued for, which
 * would otherwise lose their issuer silently. Its own Secret goes with its owner reference.
 */
final class AuthorityDeletion {

  private static final Logger log = LoggerFactory.getLogger(AuthorityDeletion.class);
  private static final int LISTED_USERS = 5;

  private final KubernetesClient client;
  private final TrustBundlePublisher trustBundles;
  private final EventRecorder events;

  AuthorityDeletion(KubernetesClient client, TrustBundlePublisher trustBundles, EventRecorder events) {
    this.client = client;
    this.trustBundles = trustBundles;
    this.events = events;
  }

  void cleanUp(CertificateAuthority authority, WatchedNamespaces watched) {
    trustBundles.removeAll(authority, watched);

    List<String> users = users(authority, watched);
    if (!users.isEmpty()) {
      String listed = String.join(", ", users.subList(0, Math.min(users.size(), LISTED_USERS)))
          + (users.size() > LISTED_USERS ? " and " + (users.size() - LISTED_USERS) + " more" : "");
      String message = "Deleted while " + users.size() + " resources still issue from it: " + listed
          + "; they report IssuerNotFound until they point at another authority";
      log.warn("{}", message);
      events.warning(authority, "DeletedWhileInUse", message);
    }
  }

  /** Lists the certificates and intermediates, in any namespace, whose issuerRef names this authority. */
  private List<String> users(CertificateAuthority authority, WatchedNamespaces watched) {
    String namespace = authority.getMetadata().getNamespace();
    String name = authority.getMetadata().getName();
    Stream<String> certificates = list(MtlsCertificate.class, watched).stream()
        .filter(certificate -> !certificate.isMarkedForDeletion())
        .filter(certificate -> !certificate.getSpec().getIssuerRef().isGardener())
        .filter(certificate -> names(certificate.getSpec().getIssuerRef().authority(), certificate.getMetadata().getNamespace(),
            namespace, name))
        .map(certificate -> "MtlsCertificate " + certificate.getMetadata().getNamespace() + "/"
            + certificate.getMetadata().getName());
    Stream<String> intermediates = list(CertificateAuthority.class, watched).stream()
        .filter(child -> !child.isMarkedForDeletion() && child.getSpec().getIssuerRef() != null)
        .filter(child -> names(child.getSpec().getIssuerRef(), child.getMetadata().getNamespace(), namespace, name))
        .map(child -> "CertificateAuthority " + child.getMetadata().getNamespace() + "/"
            + child.getMetadata().getName());
    return Stream.concat(certificates, intermediates).toList();
  }

  private <T extends io.fabric8.kubernetes.api.model.HasMetadata> List<T> list(Class<T> type,
      WatchedNamespaces watched) {
    if (watched.all()) {
      return client.resources(type).inAnyNamespace().list().getItems();
    }
    return watched.names().stream()
        .flatMap(watchedNamespace -> client.resources(type).inNamespace(watchedNamespace).list().getItems().stream())
        .toList();
  }

  private static boolean names(ObjectReference reference, String referrerNamespace, String namespace, String name) {
    return reference != null && name.equals(reference.getName())
        && namespace.equals(reference.namespaceOr(referrerNamespace));
  }
}
