package io.mtlsoperator.gateway;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.OperatorSettings;
import io.mtlsoperator.testing.RunningOperator;
import io.mtlsoperator.testing.TestNamespaces;
import java.time.Clock;
import java.util.Set;

/**
 * A fresh application namespace, where the certificates and Gateways live, and a fresh namespace
 * that stands in for the gateway pods' istio-system.
 */
record GatewayNamespaces(String application, String gateway) {

  static GatewayNamespaces create(KubernetesClient client, String applicationPrefix, String gatewayPrefix) {
    return new GatewayNamespaces(TestNamespaces.create(client, applicationPrefix),
        TestNamespaces.create(client, gatewayPrefix));
  }

  /** Starts an operator that watches both namespaces and may write gateway objects into the gateway namespace. */
  RunningOperator startOperator() {
    return RunningOperator.start(new OperatorSettings(Clock.systemUTC(), Set.of(application, gateway))
        .withGatewayCredentialNamespaces(Set.of(gateway)));
  }
}
