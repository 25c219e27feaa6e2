package io.mtlsoperator.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;

/** Whether a Secret belongs to a resource: only then may the operator write it. */
public final class SecretOwnership {

  private SecretOwnership() {
  }

  /** Tells whether the Secret names {@code owner} (same UID) as its controller, which makes it ours to write. */
  public static boolean isOwnedBy(Secret secret, HasMetadata owner) {
    return secret.getMetadata().getOwnerReferences().stream()
        .anyMatch(ref -> Boolean.TRUE.equals(ref.getController())
            && owner.getMetadata().getUid().equals(ref.getUid()));
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
