package io.mtlsoperator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the operator against the cluster of the current kubeconfig or in-cluster service account.
 * Environment: WATCH_NAMESPACES, a comma-separated list of namespaces (default: all).
 */
public final class Main {

  private Main() {
  }

  /** Bundled under its own name, so programs that embed the operator keep their own logback.xml. */
  private static final String LOGGING_CONFIGURATION = "operator-logback.xml";

  public static void main(String[] args) {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", LOGGING_CONFIGURATION);
    }

    KubernetesClient client = new KubernetesClientBuilder().build();
    Set<String> namespaces = Arrays.stream(System.getenv().getOrDefault("WATCH_NAMESPACES", "").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());

    MtlsOperator operator = MtlsOperator.create(client, OperatorSettings.defaults().withNamespaces(namespaces));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      operator.close();
      client.close();
    }, "stop-operator"));
    operator.start();
  }
}
