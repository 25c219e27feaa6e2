package io.mtlsoperator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.Gauge;
import io.mtlsoperator.authority.AuthorityImport;
import io.mtlsoperator.authority.AuthorityIssuance;
import io.mtlsoperator.authority.CertificateAuthorityReconciler;
import io.mtlsoperator.authority.IssuerResolver;
import io.mtlsoperator.authority.NamespaceAccess;
import io.mtlsoperator.certificate.MtlsCertificateReconciler;
import io.mtlsoperator.kube.EventRecorder;
import io.mtlsoperator.lifecycle.KeySource;
import io.mtlsoperator.metrics.CertificateStatusCollector;
import io.mtlsoperator.metrics.EventCounters;
import io.mtlsoperator.metrics.HealthChecks;
import io.mtlsoperator.metrics.MonitoringServer;
import io.mtlsoperator.metrics.OperatorMetrics;
import io.mtlsoperator.metrics.PrimaryCache;
import io.mtlsoperator.pki.CaMaterialParser;
import io.mtlsoperator.pki.CertificateIssuer;
import io.mtlsoperator.pki.KeyPairFactory;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator: both reconcilers on one JOSDK Operator, wired with one client and one clock,
 * plus its metrics, its probe endpoints and, when configured, leader election.
 */
public final class MtlsOperator implements AutoCloseable {

  /** The reason an operator stopped. */
  public enum StopCause {
    /** {@link #close()} was called, for example by the shutdown hook. */
    CLOSED,
    /** Another replica took the Lease, so this one stopped reconciling. */
    LEADERSHIP_LOST
  }

  /** Exposed to Prometheus as mtls_operator_leader. */
  public static final String LEADER_GAUGE = "mtls.operator.leader";

  private static final Logger log = LoggerFactory.getLogger(MtlsOperator.class);

  private final OperatorSettings settings;
  private final OperatorMetrics metrics;
  private final Operator operator;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean leader;
  private volatile StopCause stopCause = StopCause.CLOSED;
  private volatile MonitoringServer monitoringServer;

  private MtlsOperator(KubernetesClient client, OperatorSettings settings) {
    this.settings = settings;
    this.metrics = OperatorMetrics.create();
    this.operator = new Operator(overrider -> configure(overrider, client));
    registerReconcilers(client);
    Gauge.builder(LEADER_GAUGE, this, instance -> instance.leader ? 1 : 0)
        .description("1 while this instance reconciles: it holds the Lease, or leader election is off")
        .register(metrics.registry());
  }

  public static MtlsOperator create(KubernetesClient client, OperatorSettings settings) {
    return new MtlsOperator(client, settings);
  }

  private void configure(ConfigurationServiceOverrider overrider, KubernetesClient client) {
    overrider.withKubernetesClient(client)
        // The caller owns the client and may share it, so stopping the operator leaves it open.
        .withCloseClientOnStop(false)
        .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(metrics.registry()));
    settings.leaderElection().ifPresent(election -> overrider.withLeaderElectionConfiguration(
        new LeaderElectionConfiguration(election.leaseName(), election.leaseNamespace(), election.leaseDuration(),
            election.renewDeadline(), election.retryPeriod(), election.identity(),
            new LeaderCallbacks(this::startedLeading, this::stoppedLeading, newLeader -> { }),
            // JOSDK's own exit would also run inside close(), where System.exit blocks a
            // shutdown hook forever. stoppedLeading distinguishes a lost Lease from a close instead.
            false)));
  }

  private void registerReconcilers(KubernetesClient client) {
    KeySource keySource = new KeySource(new KeyPairFactory());
    CertificateIssuer issuer = new CertificateIssuer(settings.clock());
    EventRecorder events = new EventRecorder(client, settings.clock(), new EventCounters(metrics.registry()));
    IssuerResolver issuerResolver = new IssuerResolver(client, new NamespaceAccess(client));

    var authorities = new CertificateAuthorityReconciler(client, settings.clock(),
        new AuthorityIssuance(issuer, keySource, settings.clock()),
        new AuthorityImport(client, new CaMaterialParser(settings.clock())), issuerResolver, events);
    var certificates = new MtlsCertificateReconciler(client, settings.clock(), issuerResolver, issuer, keySource,
        events, settings.gatewayCredentialNamespaces());

    var authorityController = operator.register(authorities, this::watch);
    var certificateController = operator.register(certificates, this::watch);
    metrics.registry().getPrometheusRegistry().register(new CertificateStatusCollector(
        PrimaryCache.of(certificateController, this::started), PrimaryCache.of(authorityController, this::started)));
  }

  private void watch(ControllerConfigurationOverrider<?> overrider) {
    if (!settings.namespaces().isEmpty()) {
      overrider.settingNamespaces(settings.namespaces());
    }
  }

  /**
   * Serves the metrics and probe endpoints when configured, then starts the informers and
   * waits until their caches are filled. Without leader election it reconciles at once;
   * with it, only after this instance acquires the Lease.
   */
  public void start() {
    try {
      settings.monitoringAddress().ifPresent(address -> monitoringServer = MonitoringServer.start(address,
          metrics.registry(), new HealthChecks(this::live, this::ready)));
      operator.start();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    if (settings.leaderElection().isEmpty()) {
      leader = true;
    }
    log.info("mtls-operator started, watching {}{}{}",
        settings.namespaces().isEmpty() ? "all namespaces" : "namespaces " + settings.namespaces(),
        monitoringAddress().map(address -> "; metrics and probes on port " + address.getPort()).orElse(""),
        settings.leaderElection().map(election -> "; competing for Lease " + election.leaseNamespace() + "/"
            + election.leaseName() + " as " + election.identity()).orElse(""));
  }

  /** Returns the address of /metrics, /healthz and /readyz once started, with the port actually bound. */
  public Optional<InetSocketAddress> monitoringAddress() {
    return Optional.ofNullable(monitoringServer).map(MonitoringServer::address);
  }

  /** Returns whether this instance reconciles now: it holds the Lease, or leader election is off. */
  public boolean isLeader() {
    return leader;
  }

  /** Blocks until this operator has stopped, and returns why. */
  public StopCause awaitStop() throws InterruptedException {
    stopped.await();
    return stopCause;
  }

  private boolean started() {
    return operator.getRuntimeInfo().isStarted();
  }

  private boolean live() {
    return !closing.get();
  }

  /**
   * Reports ready once the caches are synced. A follower is ready too, because it takes over as
   * soon as it gets the Lease.
   */
  private boolean ready() {
    return !closing.get() && started() && operator.getRuntimeInfo().allEventSourcesAreHealthy();
  }

  private void startedLeading() {
    leader = true;
    log.info("Acquired Lease {} as {}; reconciling now", leaseDescription(), identity());
  }

  /** Handles a loss that Fabric8 may report twice: when it reads another holder, and when its renew loop ends. */
  private synchronized void stoppedLeading() {
    leader = false;
    if (closing.get() || stopCause == StopCause.LEADERSHIP_LOST) {
      return;
    }
    // Another replica may reconcile already, so this one must stop before it writes again.
    log.error("Lost Lease {} as {}; stopping this operator", leaseDescription(), identity());
    stopCause = StopCause.LEADERSHIP_LOST;
    // Not on this thread: stopping cancels the leader elector, which calls back here.
    new Thread(this::close, "stop-after-lost-lease").start();
  }

  private String leaseDescription() {
    return settings.leaderElection().map(election -> election.leaseNamespace() + "/" + election.leaseName())
        .orElse("(none)");
  }

  private String identity() {
    return settings.leaderElection().map(LeaderElectionSettings::identity).orElse("(none)");
  }

  /** Stops reconciling and serving; a second call waits until the first has finished. */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      awaitStopQuietly();
      return;
    }
    try {
      operator.stop();
    } finally {
      leader = false;
      if (monitoringServer != null) {
        monitoringServer.close();
      }
      metrics.close();
      stopped.countDown();
      log.info("mtls-operator stopped");
    }
  }

  private void awaitStopQuietly() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
