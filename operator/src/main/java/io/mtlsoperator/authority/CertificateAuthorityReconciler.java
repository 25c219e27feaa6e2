package io.mtlsoperator.authority;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.api.v1alpha1.CertificateAuthorityStatus;
import io.mtlsoperator.kube.Conditions;
import io.mtlsoperator.kube.EventRecorder;
import io.mtlsoperator.kube.Interruptions;
import io.mtlsoperator.kube.ResourceLogContext;
import io.mtlsoperator.kube.SecretApplier;
import io.mtlsoperator.kube.SecretMetadata;
import io.mtlsoperator.kube.SecretOwnership;
import io.mtlsoperator.lifecycle.IssueReason;
import io.mtlsoperator.lifecycle.ReconcileProblem;
import io.mtlsoperator.lifecycle.RenewalPolicy;
import io.mtlsoperator.lifecycle.SpecTranslation;
import io.mtlsoperator.lifecycle.StatusTimes;
import io.mtlsoperator.pki.CaMaterial;
import io.mtlsoperator.pki.CertificateInfo;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a CertificateAuthority's certificate and key in its Secret: creates a self-signed root,
 * has an intermediate signed by its parent, or copies an imported CA after checking it; then
 * reports status and schedules the next reconcile at the renewal time.
 */
@ControllerConfiguration(name = CertificateAuthorityReconciler.NAME)
public class CertificateAuthorityReconciler implements Reconciler<CertificateAuthority> {

  public static final String NAME = "certificateauthority";
  static final String PARENT_INDEX = "parent-authority";
  static final String SECRET_NOT_OWNED = "SecretNotOwned";
  static final Duration PROBLEM_RETRY = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(CertificateAuthorityReconciler.class);

  private final KubernetesClient client;
  private final Clock clock;
  private final AuthorityIssuance issuance;
  private final AuthorityImport authorityImport;
  private final IssuerResolver issuerResolver;
  private final SecretApplier secretApplier;
  private final EventRecorder events;

  public CertificateAuthorityReconciler(KubernetesClient client, Clock clock, AuthorityIssuance issuance,
      AuthorityImport authorityImport, IssuerResolver issuerResolver, EventRecorder events) {
    this.client = client;
    this.clock = clock;
    this.issuance = issuance;
    this.authorityImport = authorityImport;
    this.issuerResolver = issuerResolver;
    this.secretApplier = new SecretApplier(client);
    this.events = events;
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
            .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(CertificateAuthority.class))
            .build(), context);

    // A renewed parent must reach its intermediates, which re-sign or refresh their chain.
    var parents = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(CertificateAuthority.class, CertificateAuthority.class)
            .withName("parent-authorities")
            .withSecondaryToPrimaryMapper(parent -> context.getPrimaryCache()
                .byIndex(PARENT_INDEX, parent.getMetadata().getNamespace() + "/" + parent.getMetadata().getName())
                .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
            .build(), context);
    return List.of(ownedSecrets, parents);
  }

  @Override
  public UpdateControl<CertificateAuthority> reconcile(CertificateAuthority authority,
      Context<CertificateAuthority> context) {
    try (var logContext = ResourceLogContext.of(authority)) {
      try {
        Issued issued = ensureSecret(authority);
        return ready(authority, issued);
      } catch (ReconcileProblem problem) {
        return notReady(authority, problem);
      }
    }
  }

  private record Issued(CaMaterial material, Optional<IssueReason> reason, boolean secretWritten) {
  }

  private Issued ensureSecret(CertificateAuthority authority) {
    String namespace = authority.getMetadata().getNamespace();
    Secret current = client.secrets().inNamespace(namespace).withName(authority.secretName()).get();
    if (current != null && !SecretOwnership.isOwnedBy(current, authority)) {
      throw new ReconcileProblem(SECRET_NOT_OWNED, "Secret " + namespace + "/" + authority.secretName()
          + " exists and was not created for this CertificateAuthority, so it is left untouched: delete it, "
          + "or set spec.secretName to a free name");
    }

    if (authority.getSpec().getImportSource() != null) {
      CaMaterial imported = authorityImport.read(authority);
      String source = "imported from Secret " + namespace + "/" + authority.getSpec().getImportSource().getSecretName();
      Secret desired = AuthoritySecret.desired(authority, imported, "imported", source);
      boolean written = secretApplier.applyIfChanged(current, desired);
      return new Issued(imported, Optional.empty(), written);
    }

    ResolvedIssuer parent = authority.getSpec().getIssuerRef() == null ? null
        : issuerResolver.resolve(authority.getSpec().getIssuerRef(), namespace);
    AuthorityIssuance.Result result = issuance.ensure(authority, current, parent);
    String issuerDescription = parent == null ? "self-signed" : parent.reference();
    Secret desired = AuthoritySecret.desired(authority, result.material(), result.specDigest(), issuerDescription);
    boolean written = secretApplier.applyIfChanged(current, desired);
    result.issueReason().ifPresent(reason -> log.info("Issued CA certificate {} into Secret {} because {}",
        CertificateInfo.of(result.material().certificate()).serialNumberHex(), authority.secretName(),
        reason.description()));
    return new Issued(result.material(), result.issueReason(), written);
  }

  private UpdateControl<CertificateAuthority> ready(CertificateAuthority authority, Issued issued) {
    X509Certificate certificate = issued.material().certificate();
    CertificateInfo info = CertificateInfo.of(certificate);
    Instant renewalTime = authority.getSpec().getImportSource() != null ? null : renewalPolicy(authority)
        .renewalTime(info.notBefore(), info.notAfter(), certificate.getSerialNumber().longValue());

    CertificateAuthorityStatus status = new CertificateAuthorityStatus();
    status.setNotBefore(StatusTimes.format(info.notBefore()));
    status.setNotAfter(StatusTimes.format(info.notAfter()));
    status.setRenewalTime(renewalTime == null ? null : StatusTimes.format(renewalTime));
    status.setSerialNumber(info.serialNumberHex());
    status.setFingerprintSha256(info.sha256Fingerprint());
    status.setSubject(certificate.getSubjectX500Principal().getName());
    String message = "CA certificate valid until " + StatusTimes.format(info.notAfter())
        + (renewalTime == null ? "; renew it in the imported Secret" : ", renews at " + StatusTimes.format(renewalTime));
    status.setConditions(Conditions.with(previousConditions(authority), Conditions.READY, true, "Ready", message,
        authority.getMetadata().getGeneration(), clock.instant()));

    issued.reason().ifPresent(reason -> {
      boolean renewal = authority.getStatus() != null && authority.getStatus().getSerialNumber() != null;
      events.normal(authority, renewal ? "Renewed" : "Issued", "Issued CA certificate " + info.serialNumberHex()
          + " because " + reason.description());
    });
    if (authority.getSpec().getImportSource() != null && issued.secretWritten()) {
      events.normal(authority, "Imported", "Copied CA certificate " + info.serialNumberHex() + " into Secret "
          + authority.secretName());
    }

    UpdateControl<CertificateAuthority> control = statusUpdate(authority, status);
    if (renewalTime != null) {
      control.rescheduleAfter(untilOrMinimum(renewalTime));
    }
    return control;
  }

  private UpdateControl<CertificateAuthority> notReady(CertificateAuthority authority, ReconcileProblem problem) {
    CertificateAuthorityStatus status = copyOfFacts(authority.getStatus());
    boolean changed = Conditions.find(previousConditions(authority), Conditions.READY)
        .map(c -> !problem.reason().equals(c.getReason()) || !problem.getMessage().equals(c.getMessage()))
        .orElse(true);
    status.setConditions(Conditions.with(previousConditions(authority), Conditions.READY, false, problem.reason(),
        problem.getMessage(), authority.getMetadata().getGeneration(), clock.instant()));
    if (changed) {
      log.warn("Not ready ({}): {}", problem.reason(), problem.getMessage());
      events.warning(authority, problem.reason(), problem.getMessage());
    }
    UpdateControl<CertificateAuthority> control = statusUpdate(authority, status);
    // Invalid specs wait for the next edit; other problems may clear without an event we watch.
    if (!SpecTranslation.INVALID_SPEC.equals(problem.reason())) {
      control.rescheduleAfter(PROBLEM_RETRY);
    }
    return control;
  }

  @Override
  public ErrorStatusUpdateControl<CertificateAuthority> updateErrorStatus(CertificateAuthority authority,
      Context<CertificateAuthority> context, Exception e) {
    try (var logContext = ResourceLogContext.of(authority)) {
      if (Interruptions.causedByInterruption(e)) {
        log.debug("Reconcile interrupted by shutdown", e);
        return ErrorStatusUpdateControl.noStatusUpdate();
      }
      log.error("Reconcile failed; retrying with back-off", e);
      CertificateAuthorityStatus status = copyOfFacts(authority.getStatus());
      status.setConditions(Conditions.with(previousConditions(authority), Conditions.READY, false, "ReconcileFailed",
          "The operator failed to reconcile: " + e.getMessage() + "; it retries with back-off",
          authority.getMetadata().getGeneration(), clock.instant()));
      return ErrorStatusUpdateControl.patchStatus(statusOnly(authority, status));
    }
  }

  private RenewalPolicy renewalPolicy(CertificateAuthority authority) {
    return SpecTranslation.renewalPolicy(authority.getSpec().getRenewBefore(),
        authority.getSpec().getRenewBeforePercentage());
  }

  private UpdateControl<CertificateAuthority> statusUpdate(CertificateAuthority authority,
      CertificateAuthorityStatus status) {
    if (status.equals(authority.getStatus())) {
      return UpdateControl.noUpdate();
    }
    return UpdateControl.patchStatus(statusOnly(authority, status));
  }

  /** A fresh object with only identity and status, as server-side apply of the status expects. */
  private static CertificateAuthority statusOnly(CertificateAuthority authority, CertificateAuthorityStatus status) {
    CertificateAuthority patch = new CertificateAuthority();
    patch.setMetadata(new ObjectMetaBuilder().withName(authority.getMetadata().getName())
        .withNamespace(authority.getMetadata().getNamespace()).build());
    patch.setStatus(status);
    return patch;
  }

  private static CertificateAuthorityStatus copyOfFacts(CertificateAuthorityStatus previous) {
    CertificateAuthorityStatus status = new CertificateAuthorityStatus();
    if (previous != null) {
      status.setNotBefore(previous.getNotBefore());
      status.setNotAfter(previous.getNotAfter());
      status.setRenewalTime(previous.getRenewalTime());
      status.setSerialNumber(previous.getSerialNumber());
      status.setFingerprintSha256(previous.getFingerprintSha256());
      status.setSubject(previous.getSubject());
    }
    return status;
  }

  private static List<io.fabric8.kubernetes.api.model.Condition> previousConditions(CertificateAuthority authority) {
    return authority.getStatus() == null ? List.of() : authority.getStatus().getConditions();
  }

  private Duration untilOrMinimum(Instant time) {
    Duration until = Duration.between(clock.instant(), time);
    return until.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : until;
  }
}
