package io.mtlsoperator.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.MtlsOperator;
import io.mtlsoperator.OperatorSettings;
import java.time.Clock;
import java.util.Set;

/**
 * An operator started in the test JVM that watches only the given namespaces, so tests running
 * against one shared cluster do not reconcile each other's resources. It authenticates as the
 * Helm chart's ServiceAccount ({@link OperatorIdentity}), never as the tests' admin, so a
 * reconcile path that needs a right the chart does not grant fails its test.
 */
public final class RunningOperator implements AutoCloseable {

  private final MtlsOperator operator;
  private final KubernetesClient operatorClient;

  private RunningOperator(MtlsOperator operator, KubernetesClient operatorClient) {
    this.operator = operator;
    this.operatorClient = operatorClient;
  }

  /**
   * Starts an operator with the system clock.
   *
   * @param admin the test's admin client; the operator gets a client of its own with the chart's identity
   */
  public static RunningOperator watching(KubernetesClient admin, String... namespaces) {
    return watching(admin, Clock.systemUTC(), namespaces);
  }

  /**
   * Starts an operator with {@code clock}.
   *
   * @param admin the test's admin client; the operator gets a client of its own with the chart's identity
   */
  public static RunningOperator watching(KubernetesClient admin, Clock clock, String... namespaces) {
    return start(new OperatorSettings(clock, Set.of(namespaces)));
  }

  /** Starts an operator with {@code settings} and the chart's identity. */
  public static RunningOperator start(OperatorSettings settings) {
    KubernetesClient operatorClient = OperatorIdentity.client();
    try {
      MtlsOperator operator = MtlsOperator.create(operatorClient, settings);
      operator.start();
      return new RunningOperator(operator, operatorClient);
    } catch (RuntimeException e) {
      operatorClient.close();
      throw e;
    }
  }

  public MtlsOperator operator() {
    return operator;
  }

  @Override
  public void close() {
    try {
      operator.close();
    } finally {
      operatorClient.close();
    }
  }
}
