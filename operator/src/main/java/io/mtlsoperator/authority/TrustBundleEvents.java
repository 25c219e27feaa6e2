package io.mtlsoperator.authority;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.api.v1alpha1.TrustBundleTarget;
import io.mtlsoperator.kube.SecretMetadata;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The events that must reach an authority because of its trust bundles: a namespace that appears
 * or changes labels, and a bundle ConfigMap or Secret that someone changed or deleted.
 */
final class TrustBundleEvents {

  private TrustBundleEvents() {
  }

  /** Maps a bundle object to the authority named in its labels, and any other managed object by owner. */
  static Set<ResourceID> authorityOf(HasMetadata object) {
    Map<String, String> labels = object.getMetadata().getLabels();
    if (labels != null && "true".equals(labels.get(SecretMetadata.TRUST_BUNDLE_LABEL))) {
      String name = labels.get(SecretMetadata.AUTHORITY_LABEL);
      String namespace = labels.get(SecretMetadata.AUTHORITY_NAMESPACE_LABEL);
      return name == null || namespace == null ? Set.of() : Set.of(new ResourceID(name, namespace));
    }
    return Mappers.fromOwnerReferences(CertificateAuthority.class).toPrimaryResourceIDs(object);
  }

  static InformerEventSource<ConfigMap, CertificateAuthority> bundleConfigMaps(
      EventSourceContext<CertificateAuthority> context) {
    return new InformerEventSource<>(
        InformerEventSourceConfiguration.from(ConfigMap.class, CertificateAuthority.class)
            .withName("trust-bundle-configmaps")
            .withLabelSelector(SecretMetadata.TRUST_BUNDLE_LABEL + "=true")
            .withSecondaryToPrimaryMapper(TrustBundleEvents::authorityOf)
            .build(), context);
  }

  /** Every authority whose trust bundles may select the namespace gets a reconcile when it changes. */
  static InformerEventSource<Namespace, CertificateAuthority> namespaces(
      EventSourceContext<CertificateAuthority> context) {
    return new InformerEventSource<>(
        InformerEventSourceConfiguration.from(Namespace.class, CertificateAuthority.class)
            .withName("trust-bundle-namespaces")
            .withSecondaryToPrimaryMapper(namespace -> context.getPrimaryCache().list()
                .filter(authority -> targets(authority, namespace.getMetadata().getName()))
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet()))
            .build(), context);
  }

  private static boolean targets(CertificateAuthority authority, String namespace) {
    List<TrustBundleTarget> targets = authority.getSpec() == null ? null : authority.getSpec().getTrustBundles();
    return targets != null && targets.stream().anyMatch(target -> target.getNamespaceSelector() != null
        || (target.getNamespaces() != null && target.getNamespaces().contains(namespace)));
  }
}
