package io.mtlsoperator.testing;

import io.mtlsoperator.testing.cluster.ClusterBackend;
import io.mtlsoperator.testing.cluster.ClusterUnavailableException;
import io.mtlsoperator.testing.cluster.CrdInstaller;
import io.mtlsoperator.testing.cluster.RepositoryRoot;
import io.mtlsoperator.testing.cluster.TestCluster;
import org.junit.jupiter.api.Assumptions;

/**
 * One cluster for the whole test JVM: starting a control plane takes seconds, so every
 * integration test shares it and isolates itself in namespaces of its own. The CRDs from crds/
 * are installed once. The cluster stops when the JVM exits.
 */
public final class SharedCluster {

  private static TestCluster cluster;
  private static String unavailableReason;

  private SharedCluster() {
  }

  /** Returns the shared cluster, or aborts the calling test with the reason when the backend cannot run here. */
  public static synchronized TestCluster get() {
    if (unavailableReason != null) {
      Assumptions.abort(unavailableReason);
    }
    if (cluster == null) {
      ClusterBackend backend = ClusterBackend.selected();
      try {
        cluster = backend.open();
      } catch (ClusterUnavailableException e) {
        unavailableReason = "Skipped: backend " + backend + " is unavailable: " + e.getMessage();
        System.out.println(unavailableReason);
        Assumptions.abort(unavailableReason);
      }
      CrdInstaller.installAll(cluster.adminClient(), RepositoryRoot.find().resolve("crds"));
      TestCluster started = cluster;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-test-cluster"));
    }
    return cluster;
  }
}
