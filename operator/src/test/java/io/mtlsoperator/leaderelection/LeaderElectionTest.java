package io.mtlsoperator.leaderelection;

import static io.mtlsoperator.testing.Resources.awaitReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.LeaderElectionSettings;
import io.mtlsoperator.MtlsOperator;
import io.mtlsoperator.OperatorSettings;
import io.mtlsoperator.api.v1alpha1.CertificateUsageName;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.testing.OperatorIdentity;
import io.mtlsoperator.testing.PrometheusScrape;
import io.mtlsoperator.testing.Resources;
import io.mtlsoperator.testing.RunningOperator;
import io.mtlsoperator.testing.SharedCluster;
import io.mtlsoperator.testing.TestNamespaces;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two operator instances in one JVM compete for the chart's Lease, each with its own client
 * authenticated as the chart's ServiceAccount, as two replicas of the Deployment would.
 */
class LeaderElectionTest {

  private static final Logger log = LoggerFactory.getLogger(LeaderElectionTest.class);

  // Short timings keep the test quick; Fabric8 requires the renew deadline to exceed 2.2 retry periods.
  private static final Duration LEASE_DURATION = Duration.ofSeconds(6);
  private static final Duration RENEW_DEADLINE = Duration.ofSeconds(4);
  private static final Duration RETRY_PERIOD = Duration.ofSeconds(1);
  /**
   * The maximum time a follower needs to take over. The Lease expires at most one lease duration
   * after the leader's last renewal, and the follower retries every retry period plus up to 1.2
   * periods of jitter.
   */
  private static final Duration TAKEOVER_BOUND = LEASE_DURATION.plus(RETRY_PERIOD.multipliedBy(3));

  private final List<RunningOperator> operators = new ArrayList<>();
  private KubernetesClient admin;
  private String namespace;

  @BeforeEach
  void createNamespace() {
    admin = SharedCluster.get().adminClient();
    namespace = TestNamespaces.create(admin, "election");
  }

  @AfterEach
  void stopOperators() {
    operators.forEach(RunningOperator::close);
  }

  @Test
  void onlyTheLeaderReconciles() throws Exception {
    RunningOperator leader = startAndAwaitLeadership("a");
    RunningOperator follower = start("b");
    await().atMost(Duration.ofSeconds(30)).until(() -> probe(follower, "/readyz") == 200);

    awaitReady(admin, admin.resource(Resources.selfSignedAuthority(namespace, "root")).create());
    List<MtlsCertificate> certificates = new ArrayList<>();
    for (String name : List.of("one", "two", "three")) {
      certificates.add(awaitReady(admin, admin.resource(Resources.certificate(namespace, name, "root",
          CertificateUsageName.Server, spec -> { })).create()));
    }

    assertThat(lease().getSpec().getHolderIdentity()).isEqualTo(identity("a"));
    assertThat(leader.operator().isLeader()).isTrue();
    assertThat(follower.operator().isLeader()).isFalse();
    for (MtlsCertificate certificate : certificates) {
      assertThat(certificate.getStatus().getRevision()).as(name(certificate)).isEqualTo(1);
      assertThat(issuedEvents(certificate)).as(name(certificate)).isEqualTo(1);
    }
    assertThat(issuances(leader)).isEqualTo(4);
    assertThat(issuances(follower)).isZero();
    assertThat(reconciliations(follower, "MtlsCertificate")).isZero();
  }

  @Test
  void followerTakesOverWhenLeaderStops() throws Exception {
    RunningOperator leader = startAndAwaitLeadership("a");
    RunningOperator follower = start("b");
    awaitReady(admin, admin.resource(Resources.selfSignedAuthority(namespace, "root")).create());
    MtlsCertificate before = awaitReady(admin, admin.resource(Resources.certificate(namespace, "before", "root",
        CertificateUsageName.Client, spec -> { })).create());

    long stopped = System.nanoTime();
    leader.close();
    await().atMost(TAKEOVER_BOUND).pollInterval(Duration.ofMillis(100))
        .until(() -> identity("b").equals(lease().getSpec().getHolderIdentity()));
    log.info("The follower took over the Lease {} ms after the leader stopped",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped));

    MtlsCertificate after = awaitReady(admin, admin.resource(Resources.certificate(namespace, "after", "root",
        CertificateUsageName.Client, spec -> { })).create());
    // The new leader reconciles every cached resource once; wait for that before counting issuances.
    await().atMost(Duration.ofSeconds(30)).until(() -> reconciliations(follower, "MtlsCertificate") >= 2
        && reconciliations(follower, "CertificateAuthority") >= 1);

    assertThat(follower.operator().isLeader()).isTrue();
    assertThat(admin.resource(before).get().getStatus().getRevision()).isEqualTo(1);
    assertThat(after.getStatus().getRevision()).isEqualTo(1);
    assertThat(issuedEvents(before)).isEqualTo(1);
    assertThat(issuedEvents(after)).isEqualTo(1);
    assertThat(issuances(follower)).isEqualTo(1);
  }

  @Test
  void leaderStopsWhenItLosesTheLease() throws Exception {
    RunningOperator leader = startAndAwaitLeadership("a");
    CompletableFuture<MtlsOperator.StopCause> stop = CompletableFuture.supplyAsync(() -> {
      try {
        return leader.operator().awaitStop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    });

    // Another holder with a fresh renewal, as after a network partition during which the Lease expired.
    admin.leases().inNamespace(OperatorIdentity.NAMESPACE).withName(OperatorIdentity.LEASE).edit(lease -> {
      lease.getSpec().setHolderIdentity("intruder-" + namespace);
      lease.getSpec().setRenewTime(ZonedDateTime.now());
      lease.getSpec().setLeaseDurationSeconds(3);
      return lease;
    });

    assertThat(stop.get(RENEW_DEADLINE.plus(RETRY_PERIOD.multipliedBy(3)).toSeconds(), TimeUnit.SECONDS))
        .isEqualTo(MtlsOperator.StopCause.LEADERSHIP_LOST);
    assertThat(leader.operator().isLeader()).isFalse();
  }

  private RunningOperator startAndAwaitLeadership(String replica) {
    RunningOperator operator = start(replica);
    // A Lease left by an earlier test expires after at most its lease duration.
    await().atMost(TAKEOVER_BOUND.multipliedBy(2)).until(() -> operator.operator().isLeader());
    return operator;
  }

  private RunningOperator start(String replica) {
    LeaderElectionSettings election = new LeaderElectionSettings(OperatorIdentity.LEASE, OperatorIdentity.NAMESPACE,
        identity(replica), LEASE_DURATION, RENEW_DEADLINE, RETRY_PERIOD);
    RunningOperator operator = RunningOperator.start(new OperatorSettings(Clock.systemUTC(), Set.of(namespace))
        .withMonitoring(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .withLeaderElection(election));
    operators.add(operator);
    return operator;
  }

  /** Unique per test, so that a Lease left by an earlier test never looks like this replica's own. */
  private String identity(String replica) {
    return namespace + "-" + replica;
  }

  private Lease lease() {
    return admin.leases().inNamespace(OperatorIdentity.NAMESPACE).withName(OperatorIdentity.LEASE).get();
  }

  private long issuedEvents(MtlsCertificate certificate) {
    return Resources.events(admin, certificate).stream().map(Event::getReason).filter("Issued"::equals).count();
  }

  private double issuances(RunningOperator operator) throws Exception {
    return PrometheusScrape.of(operator).sum("mtls_operator_issuances_total", Map.of("namespace", namespace));
  }

  private double reconciliations(RunningOperator operator, String kind) throws Exception {
    return PrometheusScrape.of(operator).sum("operator_sdk_reconciliations_started_total", Map.of("kind", kind));
  }

  private static int probe(RunningOperator operator, String path) throws Exception {
    return PrometheusScrape.get(PrometheusScrape.baseUri(operator).resolve(path)).statusCode();
  }

  private static String name(MtlsCertificate certificate) {
    return certificate.getMetadata().getName();
  }
}
