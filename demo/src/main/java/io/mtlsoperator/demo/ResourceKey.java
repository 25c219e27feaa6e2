package io.mtlsoperator.demo;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Kind and name of a resource in the demo namespace, written as {@code Kind/name}. */
record ResourceKey(String kind, String name) {

  static ResourceKey of(HasMetadata resource) {
    return new ResourceKey(resource.getKind(), resource.getMetadata().getName());
  }

  @Override
  public String toString() {
    return kind + "/" + name;
  }
}
