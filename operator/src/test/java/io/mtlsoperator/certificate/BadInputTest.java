package io.mtlsoperator.certificate;

import static io.mtlsoperator.testing.Resources.awaitNotReady;
import static io.mtlsoperator.testing.Resources.awaitReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.api.v1alpha1.CertificateUsageName;
import io.mtlsoperator.api.v1alpha1.ImportSource;
import io.mtlsoperator.api.v1alpha1.KeyAlgorithmName;
import io.mtlsoperator.api.v1alpha1.KeyEncoding;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.api.v1alpha1.MtlsCertificateSpec;
import io.mtlsoperator.api.v1alpha1.NameConstraintSet;
import io.mtlsoperator.api.v1alpha1.NameConstraintsSpec;
import io.mtlsoperator.api.v1alpha1.PrivateKeySpec;
import io.mtlsoperator.api.v1alpha1.SelfSigned;
import io.mtlsoperator.testing.Resources;
import io.mtlsoperator.testing.RunningOperator;
import io.mtlsoperator.testing.SharedCluster;
import io.mtlsoperator.testing.TestNamespaces;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input. The API server rejects at admission what it can judge, with the CRD's message. What
 * only the operator can judge becomes a condition, and other resources keep being served.
 */
class BadInputTest {

  private KubernetesClient client;
  private String namespace;
  private RunningOperator operator;

  @BeforeEach
  void startOperator() {
    client = SharedCluster.get().adminClient();
    namespace = TestNamespaces.create(client, "bad-input");
    operator = RunningOperator.watching(client, namespace);
  }

  @AfterEach
  void stopOperator() {
    operator.close();
  }

  static Stream<Arguments> certificatesRejectedAtAdmission() {
    return Stream.of(
        Arguments.of("no identity", (Consumer<MtlsCertificateSpec>) spec -> spec.setDnsNames(null),
            "set at least one identity"),
        Arguments.of("renewBefore not shorter than duration", (Consumer<MtlsCertificateSpec>) spec -> {
          spec.setDuration("24h");
          spec.setRenewBefore("48h");
        }, "renewBefore must be shorter than duration"),
        Arguments.of("renewBefore and percentage", (Consumer<MtlsCertificateSpec>) spec -> {
          spec.setRenewBefore("1h");
          spec.setRenewBeforePercentage(10);
        }, "set renewBefore or renewBeforePercentage, not both"),
        Arguments.of("duration under five minutes", (Consumer<MtlsCertificateSpec>) spec -> spec.setDuration("90s"),
            "duration must be at least 5m"),
        Arguments.of("unparseable duration", (Consumer<MtlsCertificateSpec>) spec -> spec.setDuration("90 days"),
            "spec.duration"),
        Arguments.of("RSA key too small", (Consumer<MtlsCertificateSpec>) spec -> spec.setPrivateKey(key(
            KeyAlgorithmName.RSA, 1024, null)), "privateKey.size must be 2048, 3072 or 4096 for RSA"),
        Arguments.of("PKCS1 for an EC key", (Consumer<MtlsCertificateSpec>) spec -> spec.setPrivateKey(key(
            KeyAlgorithmName.ECDSA, null, KeyEncoding.PKCS1)), "PKCS1 is only for RSA keys"),
        Arguments.of("malformed IP", (Consumer<MtlsCertificateSpec>) spec -> spec.setIpAddresses(List.of("10.0.0.256")),
            "ipAddresses must be IPv4 or IPv6 addresses"),
        Arguments.of("wildcard in the middle", (Consumer<MtlsCertificateSpec>) spec ->
            spec.setDnsNames(List.of("api.*.example.com")), "wildcard is allowed only as the whole left-most label"),
        Arguments.of("relative URI", (Consumer<MtlsCertificateSpec>) spec -> spec.setUris(List.of("just-a-path")),
            "uris must be absolute URIs"),
        Arguments.of("common name over 64 characters", (Consumer<MtlsCertificateSpec>) spec ->
            spec.setCommonName("c".repeat(65)), "spec.commonName"),
        Arguments.of("unknown usage", (Consumer<MtlsCertificateSpec>) spec -> spec.setUsage(null),
            "spec.usage"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("certificatesRejectedAtAdmission")
  void certificateIsRejectedAtAdmission(String description, Consumer<MtlsCertificateSpec> breaker,
      String expectedMessage) {
    MtlsCertificate certificate = Resources.certificate(namespace, "rejected", "root", CertificateUsageName.Server,
        breaker);

    assertThatThrownBy(() -> client.resource(certificate).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(422);
          assertThat(e.getMessage()).contains(expectedMessage);
        });
  }

  @Test
  void authorityWithTwoSourcesIsRejectedAtAdmission() {
    CertificateAuthority authority = Resources.authority(namespace, "confused", spec -> {
      spec.setSelfSigned(new SelfSigned());
      ImportSource source = new ImportSource();
      source.setSecretName("elsewhere");
      spec.setImportSource(source);
    });

    assertThatThrownBy(() -> client.resource(authority).create())
        .isInstanceOfSatisfying(KubernetesClientException.class,
            e -> assertThat(e.getMessage()).contains("set exactly one of selfSigned, issuerRef or import"));
  }

  @Test
  void nameOutsideConstraintsIsReportedWhileOthersAreServed() {
    CertificateAuthority constrained = client.resource(Resources.authority(namespace, "internal-only", spec -> {
      spec.setSelfSigned(new SelfSigned());
      NameConstraintSet permitted = new NameConstraintSet();
      permitted.setDnsDomains(List.of("internal.example"));
      NameConstraintsSpec constraints = new NameConstraintsSpec();
      constraints.setPermitted(permitted);
      spec.setNameConstraints(constraints);
    })).create();
    awaitReady(client, constrained);

    MtlsCertificate outside = client.resource(Resources.certificate(namespace, "outside", "internal-only",
        CertificateUsageName.Server, spec -> spec.setDnsNames(List.of("api.public.example")))).create();
    MtlsCertificate inside = client.resource(Resources.certificate(namespace, "inside", "internal-only",
        CertificateUsageName.Server, spec -> spec.setDnsNames(List.of("api.internal.example")))).create();

    var condition = awaitNotReady(client, outside, LeafIssuance.ISSUE_FAILED);
    assertThat(condition.getMessage()).contains("api.public.example");
    assertThat(client.secrets().inNamespace(namespace).withName("outside-tls").get()).isNull();
    awaitReady(client, inside);
  }

  private static PrivateKeySpec key(KeyAlgorithmName algorithm, Integer size, KeyEncoding encoding) {
    PrivateKeySpec key = new PrivateKeySpec();
    key.setAlgorithm(algorithm);
    key.setSize(size);
    if (encoding != null) {
      key.setEncoding(encoding);
    }
    return key;
  }
}
