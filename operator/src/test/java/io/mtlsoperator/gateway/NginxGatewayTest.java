package io.mtlsoperator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtlsoperator.pki.CaMaterial;
import io.mtlsoperator.pki.CaRequest;
import io.mtlsoperator.pki.CertificateIssuer;
import io.mtlsoperator.pki.CertificateUsage;
import io.mtlsoperator.pki.KeyAlgorithm;
import io.mtlsoperator.pki.KeyPairFactory;
import io.mtlsoperator.pki.KeySpec;
import io.mtlsoperator.pki.LeafRequest;
import io.mtlsoperator.pki.Pem;
import io.mtlsoperator.pki.PrivateKeyEncoding;
import io.mtlsoperator.pki.SubjectAlternativeNames;
import io.mtlsoperator.pki.SubjectName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nginx stand-in gateway enforces mutual TLS with the client-CA bundle of its credential
 * files, and picks up a new bundle on update, as a gateway must during a CA rotation. The
 * certificates come from the operator's own PKI package; curl is the client.
 */
class NginxGatewayTest {

  private static final String HOST = "gateway.mtls.example.com";

  /** Real time, because nginx and curl check validity against the system clock. */
  private static final CertificateIssuer ISSUER = new CertificateIssuer(Clock.systemUTC());
  private static final KeyPairFactory KEY_PAIRS = new KeyPairFactory();
  private static final KeySpec EC_P256 = new KeySpec(KeyAlgorithm.ECDSA, 256);
  private static final Duration LIFETIME = Duration.ofDays(1);

  private static CaMaterial rootA;
  private static CaMaterial intermediateA;
  private static CaMaterial rootB;
  private static CaMaterial foreignRoot;
  private static GatewayCredential trustingOnlyA;
  private static GatewayCredential trustingAAndB;
  private static GatewayCredential trustingOnlyB;

  @TempDir
  Path directory;

  private Curl curl;
  private Path serverCa;
  private Curl.ClientCertificate clientOfA;
  private Curl.ClientCertificate clientOfB;
  private Curl.ClientCertificate foreignClient;

  /** Issues the server's chain under CA A's intermediate and the three credentials that differ only in the bundle. */
  @BeforeAll
  static void issueAuthorities() {
    rootA = ISSUER.selfSignedRoot(caRequest("Gateway root A"), KEY_PAIRS.generate(EC_P256));
    intermediateA = ISSUER.intermediate(caRequest("Gateway intermediate A"), KEY_PAIRS.generate(EC_P256), rootA);
    rootB = ISSUER.selfSignedRoot(caRequest("Gateway root B"), KEY_PAIRS.generate(EC_P256));
    foreignRoot = ISSUER.selfSignedRoot(caRequest("Foreign root"), KEY_PAIRS.generate(EC_P256));

    KeyPair serverKey = KEY_PAIRS.generate(EC_P256);
    X509Certificate server = ISSUER.leaf(new LeafRequest(null,
        SubjectAlternativeNames.ofDnsNames(HOST, "*.mtls.example.com"), CertificateUsage.SERVER, LIFETIME),
        serverKey.getPublic(), intermediateA);
    String serverChain = Pem.encodeCertificates(chain(server, intermediateA));
    String serverKeyPem = Pem.encodePrivateKey(serverKey.getPrivate(), PrivateKeyEncoding.PKCS8);

    trustingOnlyA = new GatewayCredential(serverChain, serverKeyPem, bundle(rootA));
    trustingAAndB = new GatewayCredential(serverChain, serverKeyPem, bundle(rootA, rootB));
    trustingOnlyB = new GatewayCredential(serverChain, serverKeyPem, bundle(rootB));
  }

  @BeforeEach
  void writeClientFiles() throws IOException {
    curl = new Curl(directory);
    serverCa = Files.writeString(directory.resolve("server-ca.crt"), bundle(rootA));
    clientOfA = clientCertificate("client-a", intermediateA);
    clientOfB = clientCertificate("client-b", rootB);
    foreignClient = clientCertificate("client-foreign", foreignRoot);
  }

  @Test
  void trustedClientGetsItsSubject() {
    try (NginxGateway gateway = NginxGateway.start(directory.resolve("nginx"), trustingOnlyA)) {
      Curl.Result result = request(gateway, clientOfA);

      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.status()).as(result.toString()).isEqualTo(200);
      assertThat(result.body().strip()).isEqualTo("CN=client-a");
    }
  }

  @Test
  void clientWithoutCertificateIsRejected() {
    try (NginxGateway gateway = NginxGateway.start(directory.resolve("nginx"), trustingOnlyA)) {
      Curl.Result result = request(gateway, null);

      // nginx completes the handshake without a client certificate and rejects the request in HTTP.
      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.status()).as(result.toString()).isEqualTo(400);
      assertThat(result.body()).contains("No required SSL certificate was sent");
    }
  }

  @Test
  void clientOfForeignCaIsRejected() {
    try (NginxGateway gateway = NginxGateway.start(directory.resolve("nginx"), trustingOnlyA)) {
      Curl.Result result = request(gateway, foreignClient);

      assertThat(result.status()).as(result.toString()).isEqualTo(400);
      assertThat(result.body()).contains("The SSL certificate error");
      assertThat(result.body()).doesNotContain("CN=client-foreign");
    }
  }

  @Test
  void updatedBundleAcceptsBothCas() {
    try (NginxGateway gateway = NginxGateway.start(directory.resolve("nginx"), trustingOnlyA)) {
      Curl.Result beforeUpdate = request(gateway, clientOfB);
      assertThat(beforeUpdate.status()).as(beforeUpdate.toString()).isEqualTo(400);

      gateway.update(trustingAAndB);

      Curl.Result resultB = request(gateway, clientOfB);
      assertThat(resultB.status()).as(resultB.toString()).isEqualTo(200);
      assertThat(resultB.body().strip()).isEqualTo("CN=client-b");
      Curl.Result resultA = request(gateway, clientOfA);
      assertThat(resultA.status()).as(resultA.toString()).isEqualTo(200);
      assertThat(resultA.body().strip()).isEqualTo("CN=client-a");
    }
  }

  @Test
  void bundleWithoutFirstCaRejectsItsClient() {
    try (NginxGateway gateway = NginxGateway.start(directory.resolve("nginx"), trustingAAndB)) {
      Curl.Result beforeUpdate = request(gateway, clientOfA);
      assertThat(beforeUpdate.status()).as(beforeUpdate.toString()).isEqualTo(200);

      gateway.update(trustingOnlyB);

      Curl.Result resultA = request(gateway, clientOfA);
      assertThat(resultA.status()).as(resultA.toString()).isEqualTo(400);
      assertThat(resultA.body()).contains("The SSL certificate error");
      Curl.Result resultB = request(gateway, clientOfB);
      assertThat(resultB.status()).as(resultB.toString()).isEqualTo(200);
      assertThat(resultB.body().strip()).isEqualTo("CN=client-b");
    }
  }

  @Test
  void mismatchedKeyUpdateKeepsOldCredential() {
    String otherKey = Pem.encodePrivateKey(KEY_PAIRS.generate(EC_P256).getPrivate(), PrivateKeyEncoding.PKCS8);
    GatewayCredential mismatched = new GatewayCredential(
        trustingAAndB.certificateChainPem(), otherKey, trustingAAndB.clientCaBundlePem());

    try (NginxGateway gateway = NginxGateway.start(directory.resolve("nginx"), trustingOnlyA)) {
      assertThatThrownBy(() -> gateway.update(mismatched))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("key values mismatch");

      Curl.Result resultA = request(gateway, clientOfA);
      assertThat(resultA.status()).as(resultA.toString()).isEqualTo(200);
      Curl.Result resultB = request(gateway, clientOfB);
      assertThat(resultB.status()).as(resultB.toString()).isEqualTo(400);
    }
  }

  @Test
  void credentialFilesAreMountedSecretLayout() throws IOException {
    try (NginxGateway gateway = NginxGateway.start(directory.resolve("nginx"), trustingOnlyA)) {
      Path caFile = gateway.credentialDirectory().resolve(GatewayCredential.CLIENT_CA_BUNDLE_KEY);
      assertThat(Files.isSymbolicLink(caFile)).isTrue();
      assertThat(Files.readString(caFile)).isEqualTo(trustingOnlyA.clientCaBundlePem());

      gateway.update(trustingAAndB);

      assertThat(Files.readString(caFile)).isEqualTo(trustingAAndB.clientCaBundlePem());
    }
  }

  private Curl.Result request(NginxGateway gateway, Curl.ClientCertificate client) {
    return curl.get(HOST, gateway.port(), "/", serverCa, client);
  }

  /** Issues a client certificate and writes its chain (leaf, then the issuer's intermediates) and key. */
  private Curl.ClientCertificate clientCertificate(String commonName, CaMaterial issuer) throws IOException {
    KeyPair key = KEY_PAIRS.generate(EC_P256);
    X509Certificate leaf = ISSUER.leaf(new LeafRequest(SubjectName.ofCommonName(commonName), null,
        CertificateUsage.CLIENT, LIFETIME), key.getPublic(), issuer);
    Path chainFile = Files.writeString(directory.resolve(commonName + ".crt"),
        Pem.encodeCertificates(chain(leaf, issuer)));
    Path keyFile = Files.writeString(directory.resolve(commonName + ".key"),
        Pem.encodePrivateKey(key.getPrivate(), PrivateKeyEncoding.PKCS8));
    return new Curl.ClientCertificate(chainFile, keyFile);
  }

  /** Returns the leaf followed by the issuer's chain without its root, in the order of tls.crt. */
  private static List<X509Certificate> chain(X509Certificate leaf, CaMaterial issuer) {
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(leaf);
    chain.addAll(issuer.intermediates());
    return chain;
  }

  private static String bundle(CaMaterial... authorities) {
    List<X509Certificate> roots = new ArrayList<>();
    for (CaMaterial authority : authorities) {
      roots.add(authority.root());
    }
    return Pem.encodeCertificates(roots);
  }

  private static CaRequest caRequest(String commonName) {
    return new CaRequest(SubjectName.ofCommonName(commonName), LIFETIME, null, null);
  }
}
