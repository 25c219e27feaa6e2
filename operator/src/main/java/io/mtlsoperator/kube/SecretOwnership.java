package io.mtlsoperator.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.Map;

/**
 * Whether a Secret belongs to a resource: only then may the operator write it. Ownership is an
 * owner reference, which also lets the garbage collector delete the Secret with its resource, or,
 * for a resource that keeps its Secret on deletion, an annotation with the resource's UID.
 */
public final class SecretOwnership {

  /** On a Secret: the UID of the resource it belongs to. */
  public static final String OWNER_UID_ANNOTATION = SecretMetadata.PREFIX + "owner-uid";

  private SecretOwnership() {
  }

  /** Tells whether the Secret names {@code owner} (same UID) as its controller or in its owner annotation. */
  public static boolean isOwnedBy(Secret secret, HasMetadata owner) {
    String uid = owner.getMetadata().getUid();
    Map<String, String> annotations = secret.getMetadata().getAnnotations();
    return (annotations != null && uid.equals(annotations.get(OWNER_UID_ANNOTATION)))
        || secret.getMetadata().getOwnerReferences().stream()
            .anyMatch(ref -> Boolean.TRUE.equals(ref.getController()) && uid.equals(ref.getUid()));
  }

  /**
   * Marks {@code metadata} as belonging to {@code owner}: always with the owner annotation, and
   * with a controller reference unless the Secret must outlive its resource.
   */
  public static Secret markOwned(Secret secret, HasMetadata owner, boolean keepOnDeletion) {
    ObjectMeta metadata = secret.getMetadata();
    Map<String, String> annotations = new java.util.LinkedHashMap<>(
        metadata.getAnnotations() == null ? Map.of() : metadata.getAnnotations());
    annotations.put(OWNER_UID_ANNOTATION, owner.getMetadata().getUid());
    metadata.setAnnotations(annotations);
    metadata.setOwnerReferences(keepOnDeletion ? List.of() : List.of(controllerReference(owner)));
    return secret;
  }

  public static OwnerReference controllerReference(HasMetadata owner) {
    return new OwnerReferenceBuilder()
        .withApiVersion(owner.getApiVersion())
        .withKind(owner.getKind())
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .withController(true)
        .build();
  }
}
