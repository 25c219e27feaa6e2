package io.mtlsoperator.testing.cluster;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** Builds clients that authenticate with a ServiceAccount's bound token. */
final class ServiceAccountTokens {

  private static final long TOKEN_LIFETIME_SECONDS = 3600;

  private ServiceAccountTokens() {
  }

  static KubernetesClient clientFor(KubernetesClient admin, String namespace, String name) {
    admin.serviceAccounts().inNamespace(namespace).resource(new ServiceAccountBuilder()
        .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
        .build()).serverSideApply();

    TokenRequest request = new TokenRequestBuilder()
        .withNewSpec().withExpirationSeconds(TOKEN_LIFETIME_SECONDS).endSpec()
        .build();
    String token = admin.serviceAccounts().inNamespace(namespace).withName(name)
        .tokenRequest(request).getStatus().getToken();

    Config adminConfig = admin.getConfiguration();
    Config config = new ConfigBuilder(Config.empty())
        .withMasterUrl(adminConfig.getMasterUrl())
        .withCaCertData(adminConfig.getCaCertData())
        .withCaCertFile(adminConfig.getCaCertFile())
        .withTrustCerts(adminConfig.isTrustCerts())
        .withOauthToken(token)
        .withNamespace(namespace)
        .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }
}
