package io.mtlsoperator.certificate;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.mtlsoperator.api.v1alpha1.GatewayStatus;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.api.v1alpha1.MtlsCertificateStatus;
import io.mtlsoperator.authority.AuthorityRenewalRequester;
import io.mtlsoperator.authority.IssuerResolver;
import io.mtlsoperator.authority.ResolvedIssuer;
import io.mtlsoperator.gateway.GardenerCertificates;
import io.mtlsoperator.gateway.GatewayObjects;
import io.mtlsoperator.gateway.GatewayTarget;
import io.mtlsoperator.gateway.GatewayWiring;
import io.mtlsoperator.gateway.ServedVersions;
import io.mtlsoperator.kube.Conditions;
import io.mtlsoperator.kube.EventRecorder;
import io.mtlsoperator.kube.ResourceLogContext;
import io.mtlsoperator.kube.SecretApplier;
import io.mtlsoperator.kube.SecretOwnership;
import io.mtlsoperator.kube.SpecOrAnnotationChange;
import io.mtlsoperator.kube.StatusReporter;
import io.mtlsoperator.lifecycle.IssueReason;
import io.mtlsoperator.lifecycle.KeySource;
import io.mtlsoperator.lifecycle.ReconcileProblem;
import io.mtlsoperator.lifecycle.RenewalRequest;
import io.mtlsoperator.lifecycle.StatusTimes;
import io.mtlsoperator.pki.CertificateInfo;
import io.mtlsoperator.pki.CertificateIssuer;
import io.mtlsoperator.pki.Pem;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an MtlsCertificate's Secret holding a certificate that matches the spec and was signed by
 * the issuer's current key: resolves the issuer, decides whether to issue, writes the Secret,
 * reports status and schedules the next reconcile at the renewal time.
 */
// Generation-aware processing would drop annotation-only updates, so the filter decides instead.
// Reconciling on every event lets only gateway-wired certificates carry a finalizer: their objects in other
// namespaces need a clean-up that no owner reference can do, while all others rely on the garbage collector.
@ControllerConfiguration(name = MtlsCertificateReconciler.NAME, generationAwareEventProcessing = false,
    triggerReconcilerOnAllEvents = true, informer = @Informer(onUpdateFilter = SpecOrAnnotationChange.class))
public class MtlsCertificateReconciler implements Reconciler<MtlsCertificate> {

  public static final String NAME = "mtlscertificate";
  static final String SECRET_NOT_OWNED = "SecretNotOwned";
  /** Condition on certificates with spec.gateway: whether the gateway serves this certificate with client validation. */
  public static final String GATEWAY_CONFIGURED = "GatewayConfigured";
  /** Held by certificates with spec.gateway until their gateway objects in other namespaces are removed. */
  public static final String GATEWAY_FINALIZER = "pki.mtls-operator.io/gateway-cleanup";
  /** How often a gateway-wired or Gardener-issued certificate checks objects that no informer watches. */
  static final Duration EXTERNAL_RECHECK = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(MtlsCertificateReconciler.class);

  private final KubernetesClient client;
  private final Clock clock;
  private final IssuerResolver issuerResolver;
  private final LeafIssuance issuance;
  private final KeystorePasswords passwords;
  private final SecretApplier secretApplier;
  private final EventRecorder events;
  private final StatusReporter<MtlsCertificate, MtlsCertificateStatus> status;
  private final GatewayWiring gatewayWiring;
  private final GardenerCertificates gardener;
  private final ServedVersions servedVersions;

  public MtlsCertificateReconciler(KubernetesClient client, Clock clock, IssuerResolver issuerResolver,
      CertificateIssuer issuer, KeySource keySource,
      EventRecorder events, Set<String> gatewayCredentialNamespaces) {
    this.client = client;
    this.clock = clock;
    this.issuerResolver = issuerResolver;
    this.issuance = new LeafIssuance(issuer, keySource,
        new IssuerLifetime(new AuthorityRenewalRequester(client)::request, clock), clock);
    this.passwords = new KeystorePasswords(client);
    this.secretApplier = new SecretApplier(client);
    this.events = events;
    this.status = new StatusReporter<>(MtlsCertificate::new, MtlsCertificateStatus.class,
        client.getKubernetesSerialization(), events, clock);
    this.servedVersions = new ServedVersions(client);
    this.gatewayWiring = new GatewayWiring(client, issuerResolver, servedVersions, gatewayCredentialNamespaces, events);
    this.gardener = new GardenerCertificates(client, servedVersions);
  }

  @Override
  public List<EventSource<?, MtlsCertificate>> prepareEventSources(EventSourceContext<MtlsCertificate> context) {
    return CertificateEventSources.create(context, servedVersions);
  }

  @Override
  public UpdateControl<MtlsCertificate> reconcile(MtlsCertificate certificate, Context<MtlsCertificate> context) {
    try (var logContext = ResourceLogContext.of(certificate)) {
      if (context.isPrimaryResourceDeleted()) {
        // Gone without a finalizer: the garbage collector takes its Secret.
        return UpdateControl.noUpdate();
      }
      if (certificate.isMarkedForDeletion()) {
        releaseGatewayObjects(certificate);
        return UpdateControl.noUpdate();
      }
      MtlsCertificate current = holdFinalizerWhileWired(certificate);
      try {
        if (current.getSpec().getIssuerRef().isGardener()) {
          return readyFromGardener(current, ensureGardenerCertificate(current));
        }
        Outcome outcome = ensureSecret(current);
        Optional<GatewayWiring.Result> wiring = wireGateway(current, GatewayWiring.Credential.issued(
            Pem.encodeCertificates(outcome.content().chain()),
            Pem.encodePrivateKey(outcome.content().key(), outcome.content().keyEncoding())));
        return ready(current, outcome, wiring);
      } catch (ReconcileProblem problem) {
        return notReady(current, problem);
      }
    }
  }

  /**
   * Adds the gateway finalizer to a wired certificate, or, once spec.gateway is gone, removes its
   * gateway objects and the finalizer. Returns the resource as it is after that.
   */
  private MtlsCertificate holdFinalizerWhileWired(MtlsCertificate certificate) {
    boolean wired = certificate.getSpec().getGateway() != null;
    if (wired && !certificate.hasFinalizer(GATEWAY_FINALIZER)) {
      return PrimaryUpdateAndCacheUtils.addFinalizer(client, certificate, GATEWAY_FINALIZER);
    }
    if (!wired && certificate.hasFinalizer(GATEWAY_FINALIZER)) {
      return removeGatewayObjects(certificate, "spec.gateway was removed");
    }
    return certificate;
  }

  private void releaseGatewayObjects(MtlsCertificate certificate) {
    if (certificate.hasFinalizer(GATEWAY_FINALIZER)) {
      removeGatewayObjects(certificate, "the MtlsCertificate is being deleted");
    }
  }

  /** Deletes every object that spec.gateway made, then the finalizer that waited for it. */
  private MtlsCertificate removeGatewayObjects(MtlsCertificate certificate, String because) {
    gatewayWiring.unwire(certificate);
    gardener.removeExcept(certificate, Set.of(), gatewayWiring.searchNamespaces(certificate));
    log.info("Removed the gateway objects because {}", because);
    return PrimaryUpdateAndCacheUtils.removeFinalizer(client, certificate, GATEWAY_FINALIZER);
  }

  private Optional<GatewayWiring.Result> wireGateway(MtlsCertificate certificate,
      GatewayWiring.Credential credential) {
    return certificate.getSpec().getGateway() == null ? Optional.empty()
        : Optional.of(gatewayWiring.wire(certificate, credential));
  }

  /**
   * Lets Gardener issue the server certificate: into the gateway's credential Secret when
   * spec.gateway is set, else into spec.secretName in this namespace.
   */
  private GardenerCertificates.Delivered ensureGardenerCertificate(MtlsCertificate certificate) {
    String namespace = certificate.getMetadata().getNamespace();
    String secretName = certificate.getSpec().getSecretName();
    if (certificate.getSpec().getGateway() != null) {
      GatewayTarget target = GatewayTarget.of(certificate);
      gatewayWiring.requireAllowed(certificate, target.credentialNamespace(), "spec.gateway.credentialNamespace");
      namespace = target.credentialNamespace();
      secretName = target.credentialName();
    }
    GardenerCertificates.Delivered delivered = gardener.ensure(certificate, namespace, secretName);
    if (!GatewayWiring.isSettled(certificate)) {
      gardener.removeExcept(certificate, Set.of(GatewayObjects.key("Certificate", namespace, secretName)),
          gatewayWiring.searchNamespaces(certificate));
    }
    return delivered;
  }

  private record Outcome(LeafSecret.Content content, ResolvedIssuer issuer, LeafSpec spec,
      Optional<IssueReason> reason, String answeredRenewalRequest, int revision) {
  }

  private Outcome ensureSecret(MtlsCertificate certificate) {
    String namespace = certificate.getMetadata().getNamespace();
    String secretName = certificate.getSpec().getSecretName();

    ResolvedIssuer issuer = issuerResolver.resolve(certificate.getSpec().getIssuerRef().authority(), namespace);
    LeafSpec spec = LeafSpec.of(certificate, issuer.reference());

    Secret current = client.secrets().inNamespace(namespace).withName(secretName).get();
    if (current != null && !SecretOwnership.isOwnedBy(current, certificate)) {
      throw new ReconcileProblem(SECRET_NOT_OWNED, "Secret " + namespace + "/" + secretName
          + " exists and was not created for this MtlsCertificate, so it is left untouched: delete it, "
          + "or set spec.secretName to a free name");
    }
    char[] pkcs12Password = certificate.getSpec().getKeystores() == null ? null
        : passwords.read(namespace, "spec.keystores.pkcs12", certificate.getSpec().getKeystores().getPkcs12());
    char[] jksPassword = certificate.getSpec().getKeystores() == null ? null
        : passwords.read(namespace, "spec.keystores.jks", certificate.getSpec().getKeystores().getJks());

    LeafIssuance.Result result = issuance.ensure(certificate, spec, current, issuer);

    List<X509Certificate> intermediates = issuer.material().intermediates();
    List<X509Certificate> trustAnchors = issuer.trustAnchors();
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(result.leaf());
    chain.addAll(intermediates);
    Map<String, byte[]> keystores = KeystoreFiles.build(pkcs12Password, jksPassword, result.leaf(), result.key(),
        chain, trustAnchors, current, result.issueReason().isPresent());
    LeafSecret.Content content = new LeafSecret.Content(result.leaf(), result.key(), intermediates, trustAnchors,
        spec.keyEncoding(), keystores);

    String answeredRequest = RenewalRequest.answeredAfter(certificate, current, result.issueReason().isPresent());
    // The Secret carries the count so a stale status cannot lower it; status keeps it when the Secret was deleted.
    int previousRevision = Math.max(LeafSecret.revision(current), statusRevision(certificate, current, result));
    int revision = result.issueReason().isPresent() ? previousRevision + 1 : Math.max(previousRevision, 1);
    Secret desired = LeafSecret.desired(certificate, content, issuer.reference(), spec.digest(), revision,
        answeredRequest);
    if (secretApplier.applyIfChanged(current, desired) && result.issueReason().isEmpty()) {
      log.info("Updated Secret {} without re-issuing: its trust anchors, keystores or metadata were out of date",
          secretName);
    }
    result.issueReason().ifPresent(reason -> log.info("Issued certificate {} into Secret {} because {}",
        CertificateInfo.of(result.leaf()).serialNumberHex(), secretName, reason.description()));
    return new Outcome(content, issuer, spec, result.issueReason(), answeredRequest, revision);
  }

  /**
   * Returns status.revision. When a new certificate replaces a Secret that was deleted, the count
   * lives only in status, and the cached resource may predate the last status write, so it is
   * read from the API server.
   */
  private int statusRevision(MtlsCertificate certificate, Secret current, LeafIssuance.Result result) {
    MtlsCertificate source = certificate;
    if (current == null && result.issueReason().isPresent()) {
      MtlsCertificate fresh = client.resource(certificate).get();
      source = fresh == null ? certificate : fresh;
    }
    return source.getStatus() == null || source.getStatus().getRevision() == null ? 0
        : source.getStatus().getRevision();
  }

  private UpdateControl<MtlsCertificate> ready(MtlsCertificate certificate, Outcome outcome,
      Optional<GatewayWiring.Result> wiring) {
    CertificateInfo info = CertificateInfo.of(outcome.content().leaf());
    LeafSpec spec = outcome.spec();
    Instant renewalTime = spec.renewal().renewalTime(info.notBefore(), info.notAfter(),
        outcome.content().leaf().getSerialNumber().longValue());

    MtlsCertificateStatus status = new MtlsCertificateStatus();
    status.setNotBefore(StatusTimes.format(info.notBefore()));
    status.setNotAfter(StatusTimes.format(info.notAfter()));
    status.setRenewalTime(StatusTimes.format(renewalTime));
    status.setSerialNumber(info.serialNumberHex());
    status.setRevision(outcome.revision());
    status.setLastRenewalRequest(outcome.answeredRenewalRequest());
    status.setIssuerFingerprintSha256(CertificateInfo.of(outcome.issuer().material().certificate()).sha256Fingerprint());
    List<Condition> conditions = Conditions.without(this.status.conditions(certificate), Conditions.ISSUING);
    status.setConditions(conditions);
    String readyMessage = "Certificate is up to date, valid until " + StatusTimes.format(info.notAfter())
        + ", renews at " + StatusTimes.format(renewalTime);

    outcome.reason().ifPresent(reason -> {
      boolean renewal = outcome.revision() > 1;
      events.normal(certificate, renewal ? "Renewed" : "Issued", "Issued certificate " + info.serialNumberHex()
          + " from " + outcome.issuer().reference() + " into Secret " + certificate.getSpec().getSecretName()
          + " because " + reason.description());
    });

    Instant next = wiring.isPresent() ? earliest(renewalTime, clock.instant().plus(EXTERNAL_RECHECK)) : renewalTime;
    return finish(certificate, status, readyMessage, wiring, next);
  }

  private UpdateControl<MtlsCertificate> readyFromGardener(MtlsCertificate certificate,
      GardenerCertificates.Delivered delivered) {
    CertificateInfo info = CertificateInfo.of(delivered.leaf());
    MtlsCertificateStatus status = new MtlsCertificateStatus();
    status.setNotBefore(StatusTimes.format(info.notBefore()));
    status.setNotAfter(StatusTimes.format(info.notAfter()));
    status.setSerialNumber(info.serialNumberHex());
    status.setConditions(Conditions.without(this.status.conditions(certificate), Conditions.ISSUING));
    String readyMessage = "Server certificate from " + delivered.source() + " is valid until "
        + StatusTimes.format(info.notAfter()) + "; Gardener renews it";

    Optional<GatewayWiring.Result> wiring = wireGateway(certificate,
        GatewayWiring.Credential.writtenBy(delivered.source()));
    return finish(certificate, status, readyMessage, wiring, clock.instant().plus(EXTERNAL_RECHECK));
  }

  /**
   * Sets Ready and, for a wired certificate, GatewayConfigured and status.gateway. A wiring problem
   * makes Ready False with its reason, because the gateway does not serve the certificate yet.
   */
  private UpdateControl<MtlsCertificate> finish(MtlsCertificate certificate, MtlsCertificateStatus status,
      String readyMessage, Optional<GatewayWiring.Result> wiring, Instant next) {
    long generation = certificate.getMetadata().getGeneration();
    List<Condition> conditions = status.getConditions();
    Optional<ReconcileProblem> problem = wiring.flatMap(GatewayWiring.Result::problem);
    if (wiring.isEmpty()) {
      conditions = Conditions.without(conditions, GATEWAY_CONFIGURED);
    } else {
      status.setGateway(wiring.get().status());
      problem.ifPresent(found -> this.status.recordIfChanged(certificate, GATEWAY_CONFIGURED, found));
      conditions = problem.isPresent()
          ? Conditions.with(conditions, GATEWAY_CONFIGURED, false, problem.get().reason(), problem.get().getMessage(),
              generation, clock.instant())
          : Conditions.with(conditions, GATEWAY_CONFIGURED, true, "Configured", describe(wiring.get().status()),
              generation, clock.instant());
    }
    conditions = problem.isPresent()
        ? Conditions.with(conditions, Conditions.READY, false, problem.get().reason(),
            "Certificate is issued, but the gateway wiring is not in place: " + problem.get().getMessage(), generation,
            clock.instant())
        : Conditions.with(conditions, Conditions.READY, true, "Ready", readyMessage, generation, clock.instant());
    status.setConditions(conditions);

    Instant retry = problem.isPresent() ? clock.instant().plus(StatusReporter.PROBLEM_RETRY) : next;
    return this.status.patchIfChanged(certificate, status).rescheduleAfter(this.status.delayUntil(earliest(next, retry)));
  }

  private static String describe(GatewayStatus wired) {
    return wired.getGateway() + " server " + wired.getServer() + " uses Secret " + wired.getCredentialSecret()
        + " and trusts " + wired.getTrustedCertificates() + " CA certificates of " + wired.getClientAuthorities()
        + " from " + wired.getClientTrustBundle();
  }

  private static Instant earliest(Instant first, Instant second) {
    return first.isBefore(second) ? first : second;
  }

  private UpdateControl<MtlsCertificate> notReady(MtlsCertificate certificate, ReconcileProblem problem) {
    return status.problem(certificate, problem, conditions -> Conditions.with(conditions, Conditions.ISSUING, false,
        problem.reason(), "Issuing is blocked: " + problem.getMessage(), certificate.getMetadata().getGeneration(),
        clock.instant()));
  }

  @Override
  public ErrorStatusUpdateControl<MtlsCertificate> updateErrorStatus(MtlsCertificate certificate,
      Context<MtlsCertificate> context, Exception e) {
    try (var logContext = ResourceLogContext.of(certificate)) {
      return status.failure(certificate, e);
    }
  }
}
