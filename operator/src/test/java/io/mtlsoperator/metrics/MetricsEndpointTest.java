package io.mtlsoperator.metrics;

import static io.mtlsoperator.testing.Resources.awaitNotReady;
import static io.mtlsoperator.testing.Resources.awaitReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.OperatorSettings;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.api.v1alpha1.CertificateUsageName;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.authority.IssuerResolver;
import io.mtlsoperator.testing.PrometheusScrape;
import io.mtlsoperator.testing.Resources;
import io.mtlsoperator.testing.RunningOperator;
import io.mtlsoperator.testing.SharedCluster;
import io.mtlsoperator.testing.TestNamespaces;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /metrics, /healthz and /readyz of an operator that serves them on a free loopback port. */
class MetricsEndpointTest {

  private KubernetesClient admin;
  private String namespace;
  private RunningOperator operator;
  private URI base;

  @BeforeEach
  void startOperator() {
    admin = SharedCluster.get().adminClient();
    namespace = TestNamespaces.create(admin, "metrics");
    operator = RunningOperator.start(new OperatorSettings(Clock.systemUTC(), Set.of(namespace))
        .withMonitoring(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
    base = URI.create("http://127.0.0.1:" + operator.operator().monitoringAddress().orElseThrow().getPort());
  }

  @AfterEach
  void stopOperator() {
    operator.close();
  }

  @Test
  void certificateGaugesMatchStatus() throws Exception {
    awaitReady(admin, admin.resource(Resources.selfSignedAuthority(namespace, "root")).create());
    MtlsCertificate certificate = awaitReady(admin, admin.resource(Resources.certificate(namespace, "server", "root",
        CertificateUsageName.Server, spec -> { })).create());
    Map<String, String> labels = Map.of("name", "server", "namespace", namespace, "issuer_name", "root",
        "issuer_kind", "CertificateAuthority", "issuer_group", "pki.mtls-operator.io");

    PrometheusScrape scrape = scrape();

    assertThat(scrape.value(CertificateStatusCollector.CERTIFICATE_EXPIRATION, labels))
        .hasValue(epochSeconds(certificate.getStatus().getNotAfter()));
    assertThat(scrape.value(CertificateStatusCollector.CERTIFICATE_RENEWAL, labels))
        .hasValue(epochSeconds(certificate.getStatus().getRenewalTime()));
    assertThat(scrape.value(CertificateStatusCollector.CERTIFICATE_READY, with(labels, "condition", "True")))
        .hasValue(1);
    assertThat(scrape.value(CertificateStatusCollector.CERTIFICATE_READY, with(labels, "condition", "False")))
        .hasValue(0);
    assertThat(scrape.value(CertificateStatusCollector.CERTIFICATE_READY, with(labels, "condition", "Unknown")))
        .hasValue(0);
  }

  @Test
  void authorityGaugesMatchStatus() throws Exception {
    CertificateAuthority authority = awaitReady(admin,
        admin.resource(Resources.selfSignedAuthority(namespace, "root")).create());
    Map<String, String> labels = Map.of("name", "root", "namespace", namespace);

    PrometheusScrape scrape = scrape();

    assertThat(scrape.value(CertificateStatusCollector.AUTHORITY_EXPIRATION, labels))
        .hasValue(epochSeconds(authority.getStatus().getNotAfter()));
    assertThat(scrape.value(CertificateStatusCollector.AUTHORITY_RENEWAL, labels))
        .hasValue(epochSeconds(authority.getStatus().getRenewalTime()));
    assertThat(scrape.value(CertificateStatusCollector.AUTHORITY_READY, with(labels, "condition", "True")))
        .hasValue(1);
  }

  @Test
  void failedCertificateIsNotReadyAndCounted() throws Exception {
    MtlsCertificate orphan = admin.resource(Resources.certificate(namespace, "orphan", "missing",
        CertificateUsageName.Client, spec -> { })).create();
    awaitNotReady(admin, orphan, IssuerResolver.ISSUER_NOT_FOUND);
    Map<String, String> labels = Map.of("name", "orphan", "namespace", namespace);

    PrometheusScrape scrape = scrape();

    assertThat(scrape.value(CertificateStatusCollector.CERTIFICATE_READY, with(labels, "condition", "False")))
        .hasValue(1);
    assertThat(scrape.value(CertificateStatusCollector.CERTIFICATE_READY, with(labels, "condition", "True")))
        .hasValue(0);
    assertThat(scrape.value(CertificateStatusCollector.CERTIFICATE_EXPIRATION, labels)).isEmpty();
    assertThat(scrape.value("mtls_operator_failures_total", Map.of("kind", "MtlsCertificate",
        "namespace", namespace, "reason", IssuerResolver.ISSUER_NOT_FOUND))).hasValue(1);
  }

  @Test
  void issuancesAreCountedPerKind() throws Exception {
    awaitReady(admin, admin.resource(Resources.selfSignedAuthority(namespace, "root")).create());
    for (String name : new String[] {"first", "second"}) {
      awaitReady(admin, admin.resource(Resources.certificate(namespace, name, "root",
          CertificateUsageName.ServerAndClient, spec -> { })).create());
    }

    PrometheusScrape scrape = scrape();

    assertThat(scrape.value("mtls_operator_issuances_total",
        Map.of("kind", "MtlsCertificate", "namespace", namespace, "reason", "Issued"))).hasValue(2);
    assertThat(scrape.value("mtls_operator_issuances_total",
        Map.of("kind", "CertificateAuthority", "namespace", namespace, "reason", "Issued"))).hasValue(1);
    assertThat(scrape.sum("mtls_operator_failures_total", Map.of("namespace", namespace))).isZero();
  }

  @Test
  void reconcileDurationIsAHistogram() throws Exception {
    awaitReady(admin, admin.resource(Resources.selfSignedAuthority(namespace, "root")).create());
    awaitReady(admin, admin.resource(Resources.certificate(namespace, "timed", "root",
        CertificateUsageName.Server, spec -> { })).create());

    PrometheusScrape scrape = scrape();

    Map<String, String> controller = Map.of("controller", "mtlscertificate");
    assertThat(scrape.sum("operator_sdk_controllers_execution_reconcile_seconds_count", controller))
        .isGreaterThanOrEqualTo(1);
    assertThat(scrape.find("operator_sdk_controllers_execution_reconcile_seconds_bucket", controller))
        .isNotEmpty();
    assertThat(scrape.value("mtls_operator_leader", Map.of())).hasValue(1);
  }

  @Test
  void deletedCertificateLeavesTheScrape() throws Exception {
    awaitReady(admin, admin.resource(Resources.selfSignedAuthority(namespace, "root")).create());
    MtlsCertificate certificate = awaitReady(admin, admin.resource(Resources.certificate(namespace, "brief", "root",
        CertificateUsageName.Client, spec -> { })).create());
    Map<String, String> labels = Map.of("name", "brief", "namespace", namespace);
    assertThat(scrape().find(CertificateStatusCollector.CERTIFICATE_EXPIRATION, labels)).hasSize(1);

    admin.resource(certificate).delete();

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(scrape().find(CertificateStatusCollector.CERTIFICATE_EXPIRATION, labels)).isEmpty());
  }

  @Test
  void probesPassWhileRunning() throws Exception {
    var liveness = PrometheusScrape.get(base.resolve("/healthz"));
    var readiness = PrometheusScrape.get(base.resolve("/readyz"));

    assertThat(liveness.statusCode()).isEqualTo(200);
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).isEqualTo("ready\n");
  }

  @Test
  void endpointsCloseWithTheOperator() {
    operator.close();

    assertThatThrownBy(() -> PrometheusScrape.get(base.resolve("/healthz"))).isInstanceOf(ConnectException.class);
  }

  private PrometheusScrape scrape() throws IOException, InterruptedException {
    return PrometheusScrape.of(base.resolve("/metrics"));
  }

  private static double epochSeconds(String time) {
    return Instant.parse(time).getEpochSecond();
  }

  private static Map<String, String> with(Map<String, String> labels, String name, String value) {
    var extended = new java.util.HashMap<>(labels);
    extended.put(name, value);
    return extended;
  }
}
