package io.mtlsoperator.testing.cluster;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which cluster tests run against, chosen by the system property {@value #PROPERTY} or the
 * environment variable {@value #ENVIRONMENT_VARIABLE}; the local control plane by default.
 */
public enum ClusterBackend {
  /** kube-apiserver, etcd and kube-controller-manager built by testing/control-plane/build. */
  LOCAL,
  /** The cluster and context that KUBECONFIG (or ~/.kube/config) names. */
  KUBECONFIG,
  /** A k3s container started through Testcontainers; needs a Docker engine. */
  K3S;

  public static final String PROPERTY = "mtls.cluster";
  public static final String ENVIRONMENT_VARIABLE = "MTLS_CLUSTER";

  public static ClusterBackend selected() {
    String value = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT_VARIABLE));
    if (value == null || value.isBlank()) {
      return LOCAL;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid cluster backend '" + value + "' in " + PROPERTY
          + " or " + ENVIRONMENT_VARIABLE + ": use one of "
          + Arrays.toString(values()).toLowerCase(Locale.ROOT), e);
    }
  }

  /** Starts or connects to the cluster of this backend. */
  public TestCluster open() {
    return switch (this) {
      case LOCAL -> LocalControlPlane.start(LocalControlPlane.Options.defaults());
      case KUBECONFIG -> KubeconfigCluster.connect();
      case K3S -> K3sCluster.start();
    };
  }
}
