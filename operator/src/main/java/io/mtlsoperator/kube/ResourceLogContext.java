package io.mtlsoperator.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.slf4j.MDC;

/** Puts the resource being reconciled into the logging context, so log lines name it without repeating it. */
public final class ResourceLogContext implements AutoCloseable {

  public static final String NAMESPACE_KEY = "resource.namespace";
  public static final String NAME_KEY = "resource.name";

  private ResourceLogContext() {
  }

  public static ResourceLogContext of(HasMetadata resource) {
    MDC.put(NAMESPACE_KEY, resource.getMetadata().getNamespace());
    MDC.put(NAME_KEY, resource.getMetadata().getName());
    return new ResourceLogContext();
  }

  @Override
  public void close() {
    MDC.remove(NAMESPACE_KEY);
    MDC.remove(NAME_KEY);
  }
}
