package io.mtlsoperator.authority;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.api.v1alpha1.CertificateAuthorityStatus;
import io.mtlsoperator.api.v1alpha1.CertificateSummary;
import io.mtlsoperator.kube.Conditions;
import io.mtlsoperator.kube.EventRecorder;
import io.mtlsoperator.kube.ResourceLogContext;
import io.mtlsoperator.kube.SecretApplier;
import io.mtlsoperator.kube.SecretMetadata;
import io.mtlsoperator.kube.SecretOwnership;
import io.mtlsoperator.kube.SpecOrAnnotationChange;
import io.mtlsoperator.kube.StatusReporter;
import io.mtlsoperator.kube.WatchedNamespaces;
import io.mtlsoperator.lifecycle.ReconcileProblem;
import io.mtlsoperator.lifecycle.RenewalPolicy;
import io.mtlsoperator.lifecycle.RenewalRequest;
import io.mtlsoperator.lifecycle.SpecTranslation;
import io.mtlsoperator.lifecycle.StatusTimes;
import io.mtlsoperator.pki.CertificateInfo;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a CertificateAuthority's certificate and key in its Secret. It creates a self-signed
 * root, has an intermediate signed by its parent, or copies an imported CA after checking it.
 * Then it reports status and schedules the next reconcile at the renewal time.
 */
// Generation-aware processing would drop annotation-only updates, so the filter decides instead.
@ControllerConfiguration(name = CertificateAuthorityReconciler.NAME, generationAwareEventProcessing = false,
    informer = @Informer(onUpdateFilter = SpecOrAnnotationChange.class))
public class CertificateAuthorityReconciler implements Reconciler<CertificateAuthority>,
    Cleaner<CertificateAuthority> {

  public static final String NAME = "certificateauthority";
  static final String PARENT_INDEX = "parent-authority";
  static final String SECRET_NOT_OWNED = "SecretNotOwned";
  static final String TRUST_BUNDLES = "TrustBundlesReady";

  private static final Logger log = LoggerFactory.getLogger(CertificateAuthorityReconciler.class);

  private final KubernetesClient client;
  private final Clock clock;
  private final AuthorityIssuance issuance;
  private final AuthorityImport authorityImport;
  private final IssuerResolver issuerResolver;
  private final SecretApplier secretApplier;
  private final EventRecorder events;
  private final StatusReporter<CertificateAuthority, CertificateAuthorityStatus> status;
  private final TrustBundlePublisher trustBundles;
  private final AuthorityDeletion deletion;

  public CertificateAuthorityReconciler(KubernetesClient client, Clock clock, AuthorityIssuance issuance,
      AuthorityImport authorityImport, IssuerResolver issuerResolver, EventRecorder events) {
    this.client = client;
    this.clock = clock;
    this.issuance = issuance;
    this.authorityImport = authorityImport;
    this.issuerResolver = issuerResolver;
    this.secretApplier = new SecretApplier(client);
    this.events = events;
    this.status = new StatusReporter<>(CertificateAuthority::new, CertificateAuthorityStatus.class,
        client.getKubernetesSerialization(), events, clock);
    this.trustBundles = new TrustBundlePublisher(client);
    this.deletion = new AuthorityDeletion(client, trustBundles, events);
  }

  @Override
  public List<EventSource<?, CertificateAuthority>> prepareEventSources(
      EventSourceContext<CertificateAuthority> context) {
    context.getPrimaryCache().addIndexer(PARENT_INDEX, authority -> authority.getSpec() == null
        || authority.getSpec().getIssuerRef() == null ? List.of()
        : List.of(authority.getSpec().getIssuerRef().namespaceOr(authority.getMetadata().getNamespace()) + "/"
            + authority.getSpec().getIssuerRef().getName()));

    var ownedSecrets = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(Secret.class, CertificateAuthority.class)
            .withName("authority-secrets")
            .withLabelSelector(SecretMetadata.MANAGED_SELECTOR)
            .withSecondaryToPrimaryMapper(TrustBundleEvents::authorityOf)
            .build(), context);

    // A renewed parent must reach its intermediates, which re-sign or refresh their chain.
    var parents = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(CertificateAuthority.class, CertificateAuthority.class)
            .withName("parent-authorities")
            .withSecondaryToPrimaryMapper(parent -> context.getPrimaryCache()
                .byIndex(PARENT_INDEX, parent.getMetadata().getNamespace() + "/" + parent.getMetadata().getName())
                .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
            .build(), context);
    return List.of(ownedSecrets, parents, TrustBundleEvents.bundleConfigMaps(context),
        TrustBundleEvents.namespaces(context));
  }

  @Override
  public DeleteControl cleanup(CertificateAuthority authority, Context<CertificateAuthority> context) {
    try (var logContext = ResourceLogContext.of(authority)) {
      deletion.cleanUp(authority, WatchedNamespaces.of(context));
      return DeleteControl.defaultDelete();
    }
  }

  @Override
  public UpdateControl<CertificateAuthority> reconcile(CertificateAuthority authority,
      Context<CertificateAuthority> context) {
    try (var logContext = ResourceLogContext.of(authority)) {
      try {
        Issued issued = ensureSecret(authority);
        return ready(authority, issued, WatchedNamespaces.of(context));
      } catch (ReconcileProblem problem) {
        return notReady(authority, problem);
      }
    }
  }

  private record Issued(AuthorityIssuance.Result result, boolean secretWritten, String answeredRenewalRequest) {
  }

  private Issued ensureSecret(CertificateAuthority authority) {
    String namespace = authority.getMetadata().getNamespace();
    Secret current = client.secrets().inNamespace(namespace).withName(authority.secretName()).get();
    if (current != null && !SecretOwnership.isOwnedBy(current, authority)) {
      throw new ReconcileProblem(SECRET_NOT_OWNED, "Secret " + namespace + "/" + authority.secretName()
          + " exists and was not created for this CertificateAuthority, so it is left untouched: delete it, "
          + "or set spec.secretName to a free name");
    }

    AuthorityIssuance.Result result;
    String issuerDescription;
    if (authority.getSpec().getImportSource() != null) {
      result = authorityImport.ensure(authority, current, clock.instant());
      issuerDescription = "imported from Secret " + namespace + "/"
          + authority.getSpec().getImportSource().getSecretName();
    } else {
      ResolvedIssuer parent = authority.getSpec().getIssuerRef() == null ? null
          : issuerResolver.resolve(authority.getSpec().getIssuerRef(), namespace);
      result = issuance.ensure(authority, current, parent);
      issuerDescription = parent == null ? "self-signed" : parent.reference();
    }

    String answeredRequest = RenewalRequest.answeredAfter(authority, current, result.issueReason().isPresent());
    Secret desired = AuthoritySecret.desired(authority, result.state(), result.specDigest(), issuerDescription,
        answeredRequest);
    boolean written = secretApplier.applyIfChanged(current, desired);
    logTransition(authority, result);
    return new Issued(result, written, answeredRequest);
  }

  private void logTransition(CertificateAuthority authority, AuthorityIssuance.Result result) {
    AuthorityState state = result.state();
    String serial = CertificateInfo.of(state.active().certificate()).serialNumberHex();
    if (result.promoted()) {
      log.info("Promoted CA certificate {} to signing; the previous root stays trusted until it expires", serial);
    } else if (result.issueReason().isPresent() && state.pending().isPresent()) {
      log.info("Published CA certificate {} with a new key in ca.crt because {}; it signs from {}",
          CertificateInfo.of(state.pending().get().certificate()).serialNumberHex(),
          result.issueReason().get().description(), StatusTimes.format(state.promotionTime().get()));
    } else if (result.issueReason().isPresent()) {
      log.info("Issued CA certificate {} into Secret {} because {}", serial, authority.secretName(),
          result.issueReason().get().description());
    }
  }

  private UpdateControl<CertificateAuthority> ready(CertificateAuthority authority, Issued issued,
      WatchedNamespaces watched) {
    AuthorityState state = issued.result().state();
    X509Certificate certificate = state.active().certificate();
    CertificateInfo info = CertificateInfo.of(certificate);
    boolean imported = authority.getSpec().getImportSource() != null;
    Instant renewalTime = imported ? null : renewalPolicy(authority)
        .renewalTime(info.notBefore(), info.notAfter(), certificate.getSerialNumber().longValue());

    CertificateAuthorityStatus status = new CertificateAuthorityStatus();
    status.setNotBefore(StatusTimes.format(info.notBefore()));
    status.setNotAfter(StatusTimes.format(info.notAfter()));
    status.setRenewalTime(renewalTime == null ? null : StatusTimes.format(renewalTime));
    status.setSerialNumber(info.serialNumberHex());
    status.setFingerprintSha256(info.sha256Fingerprint());
    status.setSubject(certificate.getSubjectX500Principal().getName());
    status.setPreviousCertificates(state.previousAnchors().stream().map(CertificateAuthorityReconciler::summary)
        .toList());
    state.pending().ifPresent(pending -> {
      CertificateSummary summary = summary(pending.certificate());
      summary.setPromotionTime(StatusTimes.format(state.promotionTime().get()));
      status.setPendingCertificate(summary);
    });
    status.setLastRenewalRequest(issued.answeredRenewalRequest());
    String message = "CA certificate valid until " + StatusTimes.format(info.notAfter())
        + (renewalTime == null ? "; renew it in the imported Secret" : ", renews at " + StatusTimes.format(renewalTime));
    status.setConditions(withTrustBundleCondition(authority, Conditions.with(this.status.conditions(authority),
        Conditions.READY, true, "Ready", message, authority.getMetadata().getGeneration(), clock.instant()),
        publishTrustBundles(authority, state, watched)));

    recordEvents(authority, issued, imported);

    UpdateControl<CertificateAuthority> control = this.status.patchIfChanged(authority, status);
    Instant next = state.promotionTime().orElse(renewalTime);
    if (next != null) {
      control.rescheduleAfter(this.status.delayUntil(next));
    }
    return control;
  }

  private void recordEvents(CertificateAuthority authority, Issued issued, boolean imported) {
    AuthorityState state = issued.result().state();
    String activeSerial = CertificateInfo.of(state.active().certificate()).serialNumberHex();
    if (issued.result().promoted()) {
      events.normal(authority, "Rotated", "CA certificate " + activeSerial + " now signs; previous roots stay in "
          + "ca.crt until they expire");
      return;
    }
    if (issued.result().issueReason().isEmpty()) {
      return;
    }
    String reason = issued.result().issueReason().get().description();
    if (state.pending().isPresent()) {
      events.normal(authority, "RotationStarted", "Published CA certificate "
          + CertificateInfo.of(state.pending().get().certificate()).serialNumberHex() + " with a new key in ca.crt "
          + "because " + reason + "; it signs from " + StatusTimes.format(state.promotionTime().get()));
    } else if (imported) {
      events.normal(authority, "Imported", "Copied CA certificate " + activeSerial + " into Secret "
          + authority.secretName());
    } else {
      boolean renewal = authority.getStatus() != null && authority.getStatus().getSerialNumber() != null;
      events.normal(authority, renewal ? "Renewed" : "Issued", "Issued CA certificate " + activeSerial
          + " because " + reason);
    }
  }

  /**
   * Publishes the trust bundles. An authority that has none and never had any (no condition)
   * skips the cluster-wide search for stale bundles, which would otherwise run on every reconcile.
   */
  private TrustBundlePublisher.Outcome publishTrustBundles(CertificateAuthority authority, AuthorityState state,
      WatchedNamespaces watched) {
    boolean hasTargets = authority.getSpec().getTrustBundles() != null
        && !authority.getSpec().getTrustBundles().isEmpty();
    boolean hadTargets = Conditions.find(this.status.conditions(authority), TRUST_BUNDLES).isPresent();
    if (!hasTargets && !hadTargets) {
      return new TrustBundlePublisher.Outcome(0, List.of());
    }
    return trustBundles.publish(authority, state.trustAnchors(), watched);
  }

  private List<io.fabric8.kubernetes.api.model.Condition> withTrustBundleCondition(CertificateAuthority authority,
      List<io.fabric8.kubernetes.api.model.Condition> conditions, TrustBundlePublisher.Outcome outcome) {
    if (authority.getSpec().getTrustBundles() == null || authority.getSpec().getTrustBundles().isEmpty()) {
      return Conditions.without(conditions, TRUST_BUNDLES);
    }
    Long generation = authority.getMetadata().getGeneration();
    if (outcome.conflicts().isEmpty()) {
      return Conditions.with(conditions, TRUST_BUNDLES, true, "Published",
          "Trust anchors published into " + outcome.published() + " objects", generation, clock.instant());
    }
    String message = "Cannot write " + String.join(", ", outcome.conflicts()) + ": an object that this "
        + "authority did not create is left untouched, and a namespace the operator does not watch is out of "
        + "reach. Delete the object, choose another name in spec.trustBundles, or watch the namespace";
    boolean changed = Conditions.find(conditions, TRUST_BUNDLES).map(c -> !message.equals(c.getMessage()))
        .orElse(true);
    if (changed) {
      events.warning(authority, "TrustBundleNotOwned", message);
    }
    return Conditions.with(conditions, TRUST_BUNDLES, false, "TrustBundleNotOwned", message, generation,
        clock.instant());
  }

  private static CertificateSummary summary(X509Certificate certificate) {
    CertificateInfo info = CertificateInfo.of(certificate);
    CertificateSummary summary = new CertificateSummary();
    summary.setSerialNumber(info.serialNumberHex());
    summary.setFingerprintSha256(info.sha256Fingerprint());
    summary.setNotAfter(StatusTimes.format(info.notAfter()));
    return summary;
  }

  private UpdateControl<CertificateAuthority> notReady(CertificateAuthority authority, ReconcileProblem problem) {
    return status.problem(authority, problem, conditions -> conditions);
  }

  @Override
  public ErrorStatusUpdateControl<CertificateAuthority> updateErrorStatus(CertificateAuthority authority,
      Context<CertificateAuthority> context, Exception e) {
    try (var logContext = ResourceLogContext.of(authority)) {
      return status.failure(authority, e);
    }
  }

  private RenewalPolicy renewalPolicy(CertificateAuthority authority) {
    return SpecTranslation.renewalPolicy(authority.getSpec().getRenewBefore(),
        authority.getSpec().getRenewBeforePercentage());
  }
}
