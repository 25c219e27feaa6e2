package io.mtlsoperator.kube;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** Recognises the API server's refusal to create objects in a namespace that is being deleted. */
public final class NamespaceTermination {

  private NamespaceTermination() {
  }

  /** Tells whether {@code error} or a cause is a 403 because the namespace is terminating. */
  public static boolean causedBy(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof KubernetesClientException client && client.getCode() == 403
          && String.valueOf(client.getMessage()).contains("because it is being terminated")) {
        return true;
      }
    }
    return false;
  }
}
