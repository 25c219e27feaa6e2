package io.mtlsoperator.gateway;

import static io.mtlsoperator.testing.Resources.awaitReady;
import static io.mtlsoperator.testing.Resources.certificates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.api.v1alpha1.CertificateUsageName;
import io.mtlsoperator.api.v1alpha1.GatewaySpec;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.api.v1alpha1.ObjectReference;
import io.mtlsoperator.api.v1alpha1.SelfSigned;
import io.mtlsoperator.kube.SecretData;
import io.mtlsoperator.pki.CertificateInfo;
import io.mtlsoperator.testing.Resources;
import io.mtlsoperator.testing.RunningOperator;
import io.mtlsoperator.testing.SharedCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kyma mutual-TLS setup end to end, with nginx standing in for the Istio ingress gateway: the
 * operator wires the server certificate into an Istio Gateway, nginx serves the credential and
 * -cacert Secrets exactly as the operator wrote them, and curl presents client certificates that
 * the operator issued. The check repeats after the client CA rotates to a new key.
 */
class NginxMutualTlsEndToEndTest {

  private static final String HOST = "httpbin.mtls.example.com";
  private static final Duration ROTATION_TIMEOUT = Duration.ofSeconds(60);

  @TempDir
  Path directory;

  private KubernetesClient client;
  private String namespace;
  private String gatewayNamespace;
  private RunningOperator operator;
  private Curl curl;

  @BeforeEach
  void startOperator() {
    client = SharedCluster.get().adminClient();
    GatewayNamespaces namespaces = GatewayNamespaces.create(client, "kyma-test", "kyma-istio");
    namespace = namespaces.application();
    gatewayNamespace = namespaces.gateway();
    operator = namespaces.startOperator();
    curl = new Curl(directory);
  }

  @AfterEach
  void stopOperator() {
    operator.close();
  }

  @Test
  void onlyTrustedClientsPassThroughRotation() throws IOException {
    awaitReady(client, client.resource(Resources.selfSignedAuthority(namespace, "server-root")).create());
    CertificateAuthority clientRoot = awaitReady(client, client.resource(Resources.authority(namespace,
        "client-root", spec -> {
          spec.setSelfSigned(new SelfSigned());
          spec.setTrustPropagationDelay("5s");
        })).create());
    awaitReady(client, client.resource(Resources.selfSignedAuthority(namespace, "foreign-root")).create());
    client.resource(IstioGateways.gateway(namespace, "kyma-mtls-gateway",
        IstioGateways.server("mtls", 443, "HTTPS", null))).create();
    awaitReady(client, client.resource(serverCertificate()).create());
    MtlsCertificate trustedClient = awaitReady(client, client.resource(Resources.certificate(namespace, "curl",
        "client-root", CertificateUsageName.Client, spec -> spec.setCommonName("curl-client"))).create());
    awaitReady(client, client.resource(Resources.certificate(namespace, "stranger", "foreign-root",
        CertificateUsageName.Client, spec -> spec.setCommonName("stranger"))).create());
    Path serverCa = Files.writeString(directory.resolve("server-ca.crt"),
        SecretData.text(secret(namespace, "kyma-mtls"), "ca.crt").orElseThrow());
    Curl.ClientCertificate firstClient = clientFiles("curl", "first");
    Curl.ClientCertificate stranger = clientFiles("stranger", "stranger");

    try (NginxGateway gateway = NginxGateway.start(directory.resolve("nginx"), gatewayCredential())) {
      Curl.Result trusted = curl.get(HOST, gateway.port(), "/", serverCa, firstClient);
      assertThat(trusted.status()).as(trusted.toString()).isEqualTo(200);
      assertThat(trusted.body()).contains("CN=curl-client");
      Curl.Result anonymous = curl.get(HOST, gateway.port(), "/", serverCa, null);
      assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(400);
      assertThat(anonymous.body()).contains("No required SSL certificate was sent");
      Curl.Result foreign = curl.get(HOST, gateway.port(), "/", serverCa, stranger);
      assertThat(foreign.status()).as(foreign.toString()).isEqualTo(400);
      assertThat(foreign.body()).contains("The SSL certificate error");

      X509Certificate oldRoot = certificates(secret(namespace, "client-root-ca"), "tls.crt").get(0);
      String oldRootFingerprint = CertificateInfo.of(oldRoot).sha256Fingerprint();
      int firstRevision = trustedClient.getStatus().getRevision();
      Resources.requestRenewal(client, clientRoot, "rotate-client-ca");
      await().atMost(ROTATION_TIMEOUT).untilAsserted(() ->
          assertThat(certificates(secret(gatewayNamespace, "kyma-mtls-cacert"), "cacert")).hasSize(2)
              .contains(oldRoot));
      MtlsCertificate renewed = await().atMost(ROTATION_TIMEOUT).until(() -> client.resource(trustedClient).get(),
          current -> current.getStatus().getRevision() > firstRevision
              && !oldRootFingerprint.equals(current.getStatus().getIssuerFingerprintSha256()));
      assertThat(renewed.getStatus().getIssuerFingerprintSha256()).as("signed by the new client root")
          .isNotEqualTo(oldRootFingerprint);
      gateway.update(gatewayCredential());
      Curl.ClientCertificate secondClient = clientFiles("curl", "second");

      Curl.Result renewedClient = curl.get(HOST, gateway.port(), "/", serverCa, secondClient);
      assertThat(renewedClient.status()).as(renewedClient.toString()).isEqualTo(200);
      Curl.Result oldClient = curl.get(HOST, gateway.port(), "/", serverCa, firstClient);
      assertThat(oldClient.status()).as("a client still holding the old certificate during the overlap: %s",
          oldClient).isEqualTo(200);
      Curl.Result foreignAfter = curl.get(HOST, gateway.port(), "/", serverCa, stranger);
      assertThat(foreignAfter.status()).as(foreignAfter.toString()).isEqualTo(400);
    }
  }

  private MtlsCertificate serverCertificate() {
    return Resources.certificate(namespace, "kyma-mtls", "server-root", CertificateUsageName.Server, spec -> {
      spec.setSecretName("kyma-mtls");
      spec.setDnsNames(List.of("*.mtls.example.com"));
      GatewaySpec wiring = new GatewaySpec();
      wiring.setName("kyma-mtls-gateway");
      wiring.setCredentialNamespace(gatewayNamespace);
      wiring.setClientAuthorities(List.of(new ObjectReference("client-root", null)));
      spec.setGateway(wiring);
    });
  }

  /** Reads what an Istio gateway would read: the credential Secret's chain and key, the -cacert Secret's cacert. */
  private GatewayCredential gatewayCredential() {
    Secret credential = secret(gatewayNamespace, "kyma-mtls");
    Secret trust = secret(gatewayNamespace, "kyma-mtls-cacert");
    return new GatewayCredential(SecretData.text(credential, "tls.crt").orElseThrow(),
        SecretData.text(credential, "tls.key").orElseThrow(), SecretData.text(trust, "cacert").orElseThrow());
  }

  /** Writes a client certificate's files as a workload would mount them from its Secret. */
  private Curl.ClientCertificate clientFiles(String certificateName, String label) throws IOException {
    Secret secret = secret(namespace, certificateName + "-tls");
    Path chain = Files.writeString(directory.resolve(label + ".crt"), SecretData.text(secret, "tls.crt").orElseThrow());
    Path key = Files.writeString(directory.resolve(label + ".key"), SecretData.text(secret, "tls.key").orElseThrow());
    return new Curl.ClientCertificate(chain, key);
  }

  private Secret secret(String secretNamespace, String name) {
    return client.secrets().inNamespace(secretNamespace).withName(name).get();
  }
}
