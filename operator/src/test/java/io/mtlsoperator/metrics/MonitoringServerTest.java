package io.mtlsoperator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import io.mtlsoperator.testing.PrometheusScrape;
import org.junit.jupiter.api.Test;

/** The HTTP side of the monitoring endpoints, with health checks the test switches by hand. */
class MonitoringServerTest {

  private final AtomicBoolean live = new AtomicBoolean(true);
  private final AtomicBoolean ready = new AtomicBoolean(false);
  private PrometheusMeterRegistry registry;
  private MonitoringServer server;
  private URI base;

  @BeforeEach
  void startServer() {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    server = MonitoringServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), registry,
        new HealthChecks(live::get, ready::get));
    base = URI.create("http://127.0.0.1:" + server.address().getPort());
  }

  @AfterEach
  void stopServer() {
    server.close();
    registry.close();
  }

  @Test
  void readinessFollowsTheCheck() throws Exception {
    HttpResponse<String> before = PrometheusScrape.get(base.resolve("/readyz"));
    ready.set(true);
    HttpResponse<String> after = PrometheusScrape.get(base.resolve("/readyz"));

    assertThat(before.statusCode()).isEqualTo(503);
    assertThat(before.body()).isEqualTo("not ready\n");
    assertThat(after.statusCode()).isEqualTo(200);
  }

  @Test
  void livenessFollowsTheCheck() throws Exception {
    HttpResponse<String> before = PrometheusScrape.get(base.resolve("/healthz"));
    live.set(false);
    HttpResponse<String> after = PrometheusScrape.get(base.resolve("/healthz"));

    assertThat(before.statusCode()).isEqualTo(200);
    assertThat(after.statusCode()).isEqualTo(503);
    assertThat(after.body()).isEqualTo("stopped\n");
  }

  @Test
  void metricsAreInPrometheusTextFormat() throws Exception {
    Counter.builder("mtls.operator.test.events").tag("kind", "MtlsCertificate").register(registry).increment(3);

    HttpResponse<String> response = PrometheusScrape.get(base.resolve("/metrics"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(PrometheusScrape.parse(response.body()).value("mtls_operator_test_events_total",
        Map.of("kind", "MtlsCertificate"))).hasValue(3);
  }

  @Test
  void unknownPathIsNotFound() throws Exception {
    assertThat(PrometheusScrape.get(base.resolve("/metricsz")).statusCode()).isEqualTo(404);
    assertThat(PrometheusScrape.get(base.resolve("/")).statusCode()).isEqualTo(404);
  }

  @Test
  void postIsNotAllowed() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/metrics"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }
}
