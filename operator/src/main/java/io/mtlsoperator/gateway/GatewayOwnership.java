package io.mtlsoperator.gateway;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.kube.SecretMetadata;
import io.mtlsoperator.kube.SecretOwnership;
import java.util.List;
import java.util.Map;

/**
 * Marks the objects that spec.gateway makes (credential Secret copy, client trust bundle,
 * Gardener Certificate) as belonging to one MtlsCertificate. They often live in another
 * namespace, where no owner reference can reach, so a label with the owner's UID finds them for
 * clean-up and an annotation with its namespace and name maps their events back to it.
 */
public final class GatewayOwnership {

  /** Label on gateway objects: the UID of the MtlsCertificate that made them. */
  public static final String OWNER_UID_LABEL = SecretMetadata.PREFIX + "gateway-owner-uid";
  /** Annotation on gateway objects: {@code namespace/name} of the MtlsCertificate that made them. */
  public static final String OWNER_ANNOTATION = SecretMetadata.PREFIX + "gateway-owner";

  private GatewayOwnership() {
  }

  /** Returns metadata for a gateway object of {@code certificate}; same-namespace objects also get an owner reference. */
  public static ObjectMeta metadata(MtlsCertificate certificate, String namespace, String name) {
    ObjectMetaBuilder metadata = new ObjectMetaBuilder()
        .withNamespace(namespace)
        .withName(name)
        .addToLabels(SecretMetadata.MANAGED_BY_LABEL, SecretMetadata.MANAGED_BY_VALUE)
        .addToLabels(SecretMetadata.CERTIFICATE_LABEL, certificate.getMetadata().getName())
        .addToLabels(OWNER_UID_LABEL, certificate.getMetadata().getUid())
        .addToAnnotations(OWNER_ANNOTATION, reference(certificate))
        .addToAnnotations(SecretOwnership.OWNER_UID_ANNOTATION, certificate.getMetadata().getUid());
    if (namespace.equals(certificate.getMetadata().getNamespace())) {
      metadata.withOwnerReferences(SecretOwnership.controllerReference(certificate));
    }
    return metadata.build();
  }

  /** Tells whether {@code object} was made by {@code certificate}'s gateway wiring. */
  public static boolean isOwnedBy(HasMetadata object, MtlsCertificate certificate) {
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels != null && certificate.getMetadata().getUid().equals(labels.get(OWNER_UID_LABEL));
  }

  /** Returns {@code namespace/name} of the owning MtlsCertificate, or empty for another object. */
  public static List<String> ownerOf(HasMetadata object) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    String owner = annotations == null ? null : annotations.get(OWNER_ANNOTATION);
    if (owner == null || !owner.contains("/")) {
      return List.of();
    }
    return List.of(owner.substring(0, owner.indexOf('/')), owner.substring(owner.indexOf('/') + 1));
  }

  static String reference(MtlsCertificate certificate) {
    return certificate.getMetadata().getNamespace() + "/" + certificate.getMetadata().getName();
  }
}
