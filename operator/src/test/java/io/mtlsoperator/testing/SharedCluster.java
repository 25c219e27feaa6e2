package io.mtlsoperator.testing;

import io.mtlsoperator.testing.cluster.ClusterBackend;
import io.mtlsoperator.testing.cluster.ClusterUnavailableException;
import io.mtlsoperator.testing.cluster.CrdInstaller;
import io.mtlsoperator.testing.cluster.GatewayCrds;
import io.mtlsoperator.testing.cluster.RepositoryRoot;
import io.mtlsoperator.testing.cluster.TestCluster;
import org.junit.jupiter.api.Assumptions;

/**
 * One cluster for the whole test JVM: starting a control plane takes seconds, so every
 * integration test shares it and isolates itself in namespaces of its own. The CRDs from crds/,
 * the gateway CRDs of Istio, Gateway API and Gardener ({@link GatewayCrds}) and the Helm chart's
 * operator identity ({@link OperatorIdentity}) are installed once. The
 * cluster stops when the JVM exits.
 */
public final class SharedCluster {

  private static TestCluster cluster;
  private static String unavailableReason;
  private static RuntimeException setupFailure;

  private SharedCluster() {
  }

  /** Returns the shared cluster, or aborts the calling test with the reason when the backend cannot run here. */
  public static synchronized TestCluster get() {
    if (unavailableReason != null) {
      Assumptions.abort(unavailableReason);
    }
    if (setupFailure != null) {
      throw new IllegalStateException("The shared cluster failed to set up earlier in this JVM", setupFailure);
    }
    if (cluster == null) {
      ClusterBackend backend = ClusterBackend.selected();
      TestCluster opened;
      try {
        opened = backend.open();
      } catch (ClusterUnavailableException e) {
        unavailableReason = "Skipped: backend " + backend + " is unavailable: " + e.getMessage();
        System.out.println(unavailableReason);
        Assumptions.abort(unavailableReason);
        return null;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(opened::close, "stop-test-cluster"));
      try {
        CrdInstaller.installAll(opened.adminClient(), RepositoryRoot.find().resolve("crds"));
        GatewayCrds.installMissing(opened.adminClient(), RepositoryRoot.find());
        OperatorIdentity.install(opened);
      } catch (RuntimeException e) {
        // Remembered, so that later tests fail at once instead of starting another control plane.
        setupFailure = e;
        throw e;
      }
      cluster = opened;
    }
    return cluster;
  }
}
