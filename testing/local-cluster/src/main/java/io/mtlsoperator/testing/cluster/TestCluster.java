package io.mtlsoperator.testing.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A Kubernetes cluster that tests, the demo and benchmarks run against: the local control plane,
 * the cluster named by {@code KUBECONFIG}, or a k3s container.
 */
public interface TestCluster extends AutoCloseable {

  /** Names the backend for log lines and test reports, e.g. "local control plane 1.36.3". */
  String description();

  /** Returns a client with cluster-admin rights. */
  KubernetesClient adminClient();

  /** Returns a kubeconfig document with the admin identity, for processes started beside the tests. */
  String adminKubeconfig();

  /**
   * Returns a client that authenticates as the ServiceAccount {@code namespace/name} with a
   * bound token from the TokenRequest API, so RBAC judges it as it would judge a pod. The
   * ServiceAccount is created when it does not exist.
   */
  KubernetesClient clientFor(String namespace, String serviceAccountName);

  /** Stops what this cluster started; a cluster that was only connected to stays up. */
  @Override
  void close();
}
