package io.mtlsoperator.testing.cluster;

/** The selected backend cannot run on this machine, e.g. k3s without a Docker engine. */
public class ClusterUnavailableException extends RuntimeException {

  public ClusterUnavailableException(String message) {
    super(message);
  }

  public ClusterUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
