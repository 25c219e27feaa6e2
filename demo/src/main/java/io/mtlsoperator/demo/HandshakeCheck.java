package io.mtlsoperator.demo;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the issued Secrets with real TLS: an OpenSSL server runs with the server certificate's
 * Secret, and one OpenSSL client per client certificate connects with that client's Secret. The
 * server trusts the ca.crt of its own Secret, so a client should be accepted exactly when its
 * issuer chain ends at the same root authority as the server's.
 */
final class HandshakeCheck {

  private static final Logger log = LoggerFactory.getLogger(HandshakeCheck.class);
  private static final Set<String> SERVER_USAGES = Set.of("Server", "ServerAndClient");
  private static final String CLIENT_USAGE = "Client";

  private final KubernetesClient client;
  private final String namespace;

  HandshakeCheck(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  /** Runs one handshake per client certificate and returns the outcomes in the order of {@code resources}. */
  Map<ResourceKey, HandshakeOutcome> run(List<ObservedResource> resources) throws IOException, InterruptedException {
    List<ObservedResource> certificates = resources.stream()
        .filter(r -> PkiKinds.MTLS_CERTIFICATE.equals(r.key().kind()))
        .toList();
    ObservedResource server = certificates.stream()
        .filter(r -> SERVER_USAGES.contains(r.specString("usage")))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No MtlsCertificate with usage Server in namespace " + namespace));
    List<ObservedResource> clients = certificates.stream()
        .filter(r -> CLIENT_USAGE.equals(r.specString("usage")))
        .toList();
    String serverName = serverName(server);
    IssuerChains chains = new IssuerChains(namespace, resources);
    String serverRoot = chains.rootAuthorityOf(server);

    Map<ResourceKey, HandshakeOutcome> outcomes = new LinkedHashMap<>();
    try (SecretFileDirectory files = SecretFileDirectory.create()) {
      TlsFiles serverFiles = files.write(readSecret(server));
      log.info("Starting openssl s_server with Secret {}/{} of {} {}, trusting its ca.crt", namespace,
          server.specString("secretName"), server.key().kind(), server.qualifiedName());
      try (OpensslServer opensslServer = OpensslServer.start(serverFiles, LoopbackPort.findFree())) {
        for (ObservedResource clientCertificate : clients) {
          boolean expectAccepted = serverRoot.equals(chains.rootAuthorityOf(clientCertificate));
          TlsFiles clientFiles = files.write(readSecret(clientCertificate));
          HandshakeResult result = OpensslClient.connect(opensslServer.port(), serverName, clientFiles,
              serverFiles.caCertificates());
          HandshakeOutcome outcome = new HandshakeOutcome(expectAccepted, result);
          logOutcome(clientCertificate, serverName, outcome, opensslServer);
          if (!outcome.asExpected()) {
            log.error("Secret {}/{}: {}", namespace, server.specString("secretName"),
                CertificateFileSummary.describe(serverFiles));
            log.error("Secret {}/{}: {}", namespace, clientCertificate.specString("secretName"),
                CertificateFileSummary.describe(clientFiles));
          }
          outcomes.put(clientCertificate.key(), outcome);
        }
      }
    }
    return outcomes;
  }

  private void logOutcome(ObservedResource clientCertificate, String serverName, HandshakeOutcome outcome,
      OpensslServer server) {
    if (outcome.asExpected()) {
      log.info("Handshake of {} {} (Secret {}) with {}: {}", clientCertificate.key().kind(),
          clientCertificate.qualifiedName(), clientCertificate.specString("secretName"), serverName,
          outcome.describe());
    } else {
      log.error("Handshake of {} {} (Secret {}) with {}: {}; server errors so far: {}",
          clientCertificate.key().kind(), clientCertificate.qualifiedName(),
          clientCertificate.specString("secretName"), serverName, outcome.describe(), server.errorLines());
    }
  }

  /** Returns the first DNS name that is not a wildcard: the host name a client would connect to. */
  private static String serverName(ObservedResource server) {
    return server.specStrings("dnsNames").stream()
        .filter(name -> !name.startsWith("*."))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(server.key() + " needs a DNS name without a wildcard in "
            + "spec.dnsNames, so that the client can check the server's host name"));
  }

  private Secret readSecret(ObservedResource certificate) {
    String secretName = certificate.specString("secretName");
    Secret secret = client.secrets().inNamespace(namespace).withName(secretName).get();
    if (secret == null) {
      throw new IllegalStateException("Secret " + namespace + "/" + secretName + " not found, although "
          + certificate.key() + " is Ready");
    }
    return secret;
  }
}
