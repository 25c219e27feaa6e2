package io.mtlsoperator.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.Objects;

/**
 * Passes updates of a primary resource that change its spec (the generation), its annotations
 * (the renew annotation lives there) or its finalizers, or mark it for deletion. JOSDK adds its
 * finalizer in one update and reconciles on the event of that update. Updates of status alone,
 * which the operator writes itself, need no reconcile.
 */
public final class SpecOrAnnotationChange implements OnUpdateFilter<HasMetadata> {

  @Override
  public boolean accept(HasMetadata updated, HasMetadata previous) {
    return !Objects.equals(updated.getMetadata().getGeneration(), previous.getMetadata().getGeneration())
        || !Objects.equals(updated.getMetadata().getAnnotations(), previous.getMetadata().getAnnotations())
        || !Objects.equals(updated.getMetadata().getFinalizers(), previous.getMetadata().getFinalizers())
        || updated.isMarkedForDeletion() != previous.isMarkedForDeletion();
  }
}
