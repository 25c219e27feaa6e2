package io.mtlsoperator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the operator against the cluster of the current kubeconfig or in-cluster service account,
 * with settings from environment variables (see {@link EnvironmentSettings}).
 */
public final class Main {

  /** Bundled under its own name, so programs that embed the operator keep their own logback.xml. */
  private static final String LOGGING_CONFIGURATION = "operator-logback.xml";

  private Main() {
  }

  public static void main(String[] args) throws InterruptedException {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", LOGGING_CONFIGURATION);
    }
    Logger log = LoggerFactory.getLogger(Main.class);

    OperatorSettings settings;
    try {
      settings = EnvironmentSettings.read(System.getenv());
    } catch (IllegalArgumentException e) {
      log.error("Invalid configuration: {}", e.getMessage());
      System.exit(2);
      return;
    }

    KubernetesClient client = new KubernetesClientBuilder().build();
    MtlsOperator operator = MtlsOperator.create(client, settings);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      operator.close();
      client.close();
    }, "stop-operator"));

    try {
      operator.start();
    } catch (RuntimeException e) {
      log.error("Failed to start the operator", e);
      System.exit(1);
    }
    if (operator.awaitStop() == MtlsOperator.StopCause.LEADERSHIP_LOST) {
      // A new process rejoins the election with empty caches and no reconcile in flight.
      System.exit(1);
    }
  }
}
