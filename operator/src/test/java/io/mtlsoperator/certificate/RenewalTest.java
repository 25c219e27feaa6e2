package io.mtlsoperator.certificate;

import static io.mtlsoperator.testing.Resources.assertHasEvent;
import static io.mtlsoperator.testing.Resources.awaitReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.api.v1alpha1.CertificateUsageName;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.testing.Resources;
import io.mtlsoperator.testing.RunningOperator;
import io.mtlsoperator.testing.SharedCluster;
import io.mtlsoperator.testing.TestNamespaces;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Renewal at status.renewalTime through a rescheduled reconcile, and repair of a deleted Secret. */
class RenewalTest {

  private KubernetesClient client;
  private String namespace;
  private RunningOperator operator;

  @BeforeEach
  void startOperator() {
    client = SharedCluster.get().adminClient();
    namespace = TestNamespaces.create(client, "renewal");
    operator = RunningOperator.watching(client, namespace);
    awaitReady(client, client.resource(Resources.selfSignedAuthority(namespace, "root")).create());
  }

  @AfterEach
  void stopOperator() {
    operator.close();
  }

  @Test
  void certificateIsRenewedAtItsRenewalTime() {
    // renewBefore requests renewal 10 s after issue; the floor of a third of the 6 min lifetime
    // (5 min plus 1 min back-dating) moves it to about 1 min. Only the scheduled reconcile can trigger it.
    MtlsCertificate certificate = client.resource(Resources.certificate(namespace, "short-lived", "root",
        CertificateUsageName.Server, spec -> {
          spec.setDuration("5m");
          spec.setRenewBefore("4m50s");
        })).create();
    MtlsCertificate first = awaitReady(client, certificate);
    Instant renewalTime = Instant.parse(first.getStatus().getRenewalTime());
    assertThat(renewalTime).isBefore(Instant.parse(first.getStatus().getNotAfter()));

    MtlsCertificate renewed = await().atMost(Duration.ofSeconds(100)).until(() -> client.resource(certificate).get(),
        current -> current.getStatus().getRevision() == 2);

    assertThat(renewed.getStatus().getSerialNumber()).isNotEqualTo(first.getStatus().getSerialNumber());
    assertThat(Instant.now()).isAfterOrEqualTo(renewalTime.minusSeconds(1));
    assertHasEvent(client, renewed, "Renewed");

    // The renewed certificate must not be due at once, or the operator would re-issue in a loop.
    await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(
        () -> client.resource(certificate).get().getStatus().getRevision() == 2);
  }

  @Test
  void deletedSecretIsRestored() {
    MtlsCertificate certificate = client.resource(Resources.certificate(namespace, "restored", "root",
        CertificateUsageName.Client, spec -> { })).create();
    awaitReady(client, certificate);

    client.secrets().inNamespace(namespace).withName("restored-tls").delete();

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(client.secrets().inNamespace(namespace).withName("restored-tls").get()).isNotNull());
    MtlsCertificate after = await().atMost(Duration.ofSeconds(30)).until(() -> client.resource(certificate).get(),
        current -> current.getStatus().getRevision() == 2);
    assertThat(after.getStatus().getSerialNumber()).isNotNull();
  }
}
