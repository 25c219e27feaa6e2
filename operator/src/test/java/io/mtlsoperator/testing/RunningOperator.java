package io.mtlsoperator.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.MtlsOperator;
import io.mtlsoperator.OperatorSettings;
import java.time.Clock;
import java.util.Set;

/**
 * An operator started in the test JVM that watches only the given namespaces, so tests running
 * against one shared cluster do not reconcile each other's resources.
 */
public final class RunningOperator implements AutoCloseable {

  private final MtlsOperator operator;

  private RunningOperator(MtlsOperator operator) {
    this.operator = operator;
  }

  public static RunningOperator watching(KubernetesClient client, String... namespaces) {
    return watching(client, Clock.systemUTC(), namespaces);
  }

  public static RunningOperator watching(KubernetesClient client, Clock clock, String... namespaces) {
    MtlsOperator operator = MtlsOperator.create(client, new OperatorSettings(clock, Set.of(namespaces)));
    operator.start();
    return new RunningOperator(operator);
  }

  @Override
  public void close() {
    operator.close();
  }
}
