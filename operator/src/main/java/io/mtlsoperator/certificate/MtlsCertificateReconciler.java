package io.mtlsoperator.certificate;

import io.fabric8.kubernetes.api.model.Condition;
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
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.api.v1alpha1.MtlsCertificateSpec;
import io.mtlsoperator.api.v1alpha1.MtlsCertificateStatus;
import io.mtlsoperator.authority.IssuerResolver;
import io.mtlsoperator.authority.ResolvedIssuer;
import io.mtlsoperator.kube.Conditions;
import io.mtlsoperator.kube.EventRecorder;
import io.mtlsoperator.kube.Interruptions;
import io.mtlsoperator.kube.ResourceLogContext;
import io.mtlsoperator.kube.SecretApplier;
import io.mtlsoperator.kube.SecretMetadata;
import io.mtlsoperator.kube.SecretOwnership;
import io.mtlsoperator.lifecycle.IssueReason;
import io.mtlsoperator.lifecycle.ReconcileProblem;
import io.mtlsoperator.lifecycle.SpecTranslation;
import io.mtlsoperator.lifecycle.StatusTimes;
import io.mtlsoperator.pki.CertificateInfo;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an MtlsCertificate's Secret holding a certificate that matches the spec and was signed by
 * the issuer's current key: resolves the issuer, decides whether to issue, writes the Secret,
 * reports status and schedules the next reconcile at the renewal time.
 */
@ControllerConfiguration(name = MtlsCertificateReconciler.NAME)
public class MtlsCertificateReconciler implements Reconciler<MtlsCertificate> {

  public static final String NAME = "mtlscertificate";
  static final String ISSUER_INDEX = "issuer-authority";
  static final String SECRET_NOT_OWNED = "SecretNotOwned";
  static final Duration PROBLEM_RETRY = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(MtlsCertificateReconciler.class);

  private final KubernetesClient client;
  private final Clock clock;
  private final IssuerResolver issuerResolver;
  private final LeafIssuance issuance;
  private final KeystorePasswords passwords;
  private final SecretApplier secretApplier;
  private final EventRecorder events;

  public MtlsCertificateReconciler(KubernetesClient client, Clock clock, IssuerResolver issuerResolver,
      io.mtlsoperator.pki.CertificateIssuer issuer, io.mtlsoperator.lifecycle.KeySource keySource,
      EventRecorder events) {
    this.client = client;
    this.clock = clock;
    this.issuerResolver = issuerResolver;
    this.issuance = new LeafIssuance(issuer, keySource, clock);
    this.passwords = new KeystorePasswords(client);
    this.secretApplier = new SecretApplier(client);
    this.events = events;
  }

  @Override
  public List<EventSource<?, MtlsCertificate>> prepareEventSources(EventSourceContext<MtlsCertificate> context) {
    context.getPrimaryCache().addIndexer(ISSUER_INDEX, certificate -> certificate.getSpec() == null
        || certificate.getSpec().getIssuerRef() == null ? List.of()
        : List.of(issuerKey(certificate)));

    var ownedSecrets = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(Secret.class, MtlsCertificate.class)
            .withName("certificate-secrets")
            .withLabelSelector(SecretMetadata.MANAGED_SELECTOR)
            .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(MtlsCertificate.class))
            .build(), context);

    // An issuer that becomes Ready, renews or changes key must reach every certificate it signs.
    var issuers = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(CertificateAuthority.class, MtlsCertificate.class)
            .withName("issuing-authorities")
            .withSecondaryToPrimaryMapper(authority -> context.getPrimaryCache()
                .byIndex(ISSUER_INDEX, authority.getMetadata().getNamespace() + "/" + authority.getMetadata().getName())
                .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
            .build(), context);
    return List.of(ownedSecrets, issuers);
  }

  private static String issuerKey(MtlsCertificate certificate) {
    MtlsCertificateSpec spec = certificate.getSpec();
    return spec.getIssuerRef().namespaceOr(certificate.getMetadata().getNamespace()) + "/"
        + spec.getIssuerRef().getName();
  }

  @Override
  public UpdateControl<MtlsCertificate> reconcile(MtlsCertificate certificate, Context<MtlsCertificate> context) {
    try (var logContext = ResourceLogContext.of(certificate)) {
      try {
        return ready(certificate, ensureSecret(certificate));
      } catch (ReconcileProblem problem) {
        return notReady(certificate, problem);
      }
    }
  }

  private record Outcome(LeafSecret.Content content, ResolvedIssuer issuer, java.util.Optional<IssueReason> reason) {
  }

  private Outcome ensureSecret(MtlsCertificate certificate) {
    String namespace = certificate.getMetadata().getNamespace();
    String secretName = certificate.getSpec().getSecretName();

    ResolvedIssuer issuer = issuerResolver.resolve(certificate.getSpec().getIssuerRef(), namespace);
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
    List<X509Certificate> trustAnchors = List.of(issuer.material().root());
    List<X509Certificate> chain = new java.util.ArrayList<>();
    chain.add(result.leaf());
    chain.addAll(intermediates);
    Map<String, byte[]> keystores = KeystoreFiles.build(pkcs12Password, jksPassword, result.leaf(), result.key(),
        chain, trustAnchors, current, result.issueReason().isPresent());
    LeafSecret.Content content = new LeafSecret.Content(result.leaf(), result.key(), intermediates, trustAnchors,
        spec.keyEncoding(), keystores);

    Secret desired = LeafSecret.desired(certificate, content, issuer.reference(), spec.digest());
    if (secretApplier.applyIfChanged(current, desired) && result.issueReason().isEmpty()) {
      log.info("Updated Secret {} without re-issuing: its trust anchors, keystores or metadata were out of date",
          secretName);
    }
    result.issueReason().ifPresent(reason -> log.info("Issued certificate {} into Secret {} because {}",
        CertificateInfo.of(result.leaf()).serialNumberHex(), secretName, reason.description()));
    return new Outcome(content, issuer, result.issueReason());
  }

  private UpdateControl<MtlsCertificate> ready(MtlsCertificate certificate, Outcome outcome) {
    CertificateInfo info = CertificateInfo.of(outcome.content().leaf());
    LeafSpec spec = LeafSpec.of(certificate, outcome.issuer().reference());
    Instant renewalTime = spec.renewal().renewalTime(info.notBefore(), info.notAfter(),
        outcome.content().leaf().getSerialNumber().longValue());
    MtlsCertificateStatus previous = certificate.getStatus();
    int previousRevision = previous == null || previous.getRevision() == null ? 0 : previous.getRevision();

    MtlsCertificateStatus status = new MtlsCertificateStatus();
    status.setNotBefore(StatusTimes.format(info.notBefore()));
    status.setNotAfter(StatusTimes.format(info.notAfter()));
    status.setRenewalTime(StatusTimes.format(renewalTime));
    status.setSerialNumber(info.serialNumberHex());
    status.setRevision(outcome.reason().isPresent() ? previousRevision + 1 : Math.max(previousRevision, 1));
    status.setIssuerFingerprintSha256(CertificateInfo.of(outcome.issuer().material().certificate()).sha256Fingerprint());
    List<Condition> conditions = Conditions.without(previousConditions(certificate), Conditions.ISSUING);
    status.setConditions(Conditions.with(conditions, Conditions.READY, true, "Ready",
        "Certificate is up to date, valid until " + StatusTimes.format(info.notAfter()) + ", renews at "
            + StatusTimes.format(renewalTime),
        certificate.getMetadata().getGeneration(), clock.instant()));

    outcome.reason().ifPresent(reason -> {
      boolean renewal = previousRevision > 0;
      events.normal(certificate, renewal ? "Renewed" : "Issued", "Issued certificate " + info.serialNumberHex()
          + " from " + outcome.issuer().reference() + " into Secret " + certificate.getSpec().getSecretName()
          + " because " + reason.description());
    });

    UpdateControl<MtlsCertificate> control = statusUpdate(certificate, status);
    return control.rescheduleAfter(untilOrMinimum(renewalTime));
  }

  private UpdateControl<MtlsCertificate> notReady(MtlsCertificate certificate, ReconcileProblem problem) {
    MtlsCertificateStatus status = copyOfFacts(certificate.getStatus());
    List<Condition> previous = previousConditions(certificate);
    boolean changed = Conditions.find(previous, Conditions.READY)
        .map(c -> !problem.reason().equals(c.getReason()) || !problem.getMessage().equals(c.getMessage()))
        .orElse(true);
    Long generation = certificate.getMetadata().getGeneration();
    List<Condition> conditions = Conditions.with(previous, Conditions.READY, false, problem.reason(),
        problem.getMessage(), generation, clock.instant());
    status.setConditions(Conditions.with(conditions, Conditions.ISSUING, false, problem.reason(),
        "Issuing is blocked: " + problem.getMessage(), generation, clock.instant()));
    if (changed) {
      log.warn("Not ready ({}): {}", problem.reason(), problem.getMessage());
      events.warning(certificate, problem.reason(), problem.getMessage());
    }
    UpdateControl<MtlsCertificate> control = statusUpdate(certificate, status);
    if (!SpecTranslation.INVALID_SPEC.equals(problem.reason())) {
      control.rescheduleAfter(PROBLEM_RETRY);
    }
    return control;
  }

  @Override
  public ErrorStatusUpdateControl<MtlsCertificate> updateErrorStatus(MtlsCertificate certificate,
      Context<MtlsCertificate> context, Exception e) {
    try (var logContext = ResourceLogContext.of(certificate)) {
      if (Interruptions.causedByInterruption(e)) {
        log.debug("Reconcile interrupted by shutdown", e);
        return ErrorStatusUpdateControl.noStatusUpdate();
      }
      log.error("Reconcile failed; retrying with back-off", e);
      MtlsCertificateStatus status = copyOfFacts(certificate.getStatus());
      status.setConditions(Conditions.with(previousConditions(certificate), Conditions.READY, false,
          "ReconcileFailed", "The operator failed to reconcile: " + e.getMessage() + "; it retries with back-off",
          certificate.getMetadata().getGeneration(), clock.instant()));
      return ErrorStatusUpdateControl.patchStatus(statusOnly(certificate, status));
    }
  }

  private UpdateControl<MtlsCertificate> statusUpdate(MtlsCertificate certificate, MtlsCertificateStatus status) {
    if (status.equals(certificate.getStatus())) {
      return UpdateControl.noUpdate();
    }
    return UpdateControl.patchStatus(statusOnly(certificate, status));
  }

  /** A fresh object with only identity and status, as server-side apply of the status expects. */
  private static MtlsCertificate statusOnly(MtlsCertificate certificate, MtlsCertificateStatus status) {
    MtlsCertificate patch = new MtlsCertificate();
    patch.setMetadata(new ObjectMetaBuilder().withName(certificate.getMetadata().getName())
        .withNamespace(certificate.getMetadata().getNamespace()).build());
    patch.setStatus(status);
    return patch;
  }

  private static MtlsCertificateStatus copyOfFacts(MtlsCertificateStatus previous) {
    MtlsCertificateStatus status = new MtlsCertificateStatus();
    if (previous != null) {
      status.setNotBefore(previous.getNotBefore());
      status.setNotAfter(previous.getNotAfter());
      status.setRenewalTime(previous.getRenewalTime());
      status.setSerialNumber(previous.getSerialNumber());
      status.setRevision(previous.getRevision());
      status.setIssuerFingerprintSha256(previous.getIssuerFingerprintSha256());
    }
    return status;
  }

  private static List<Condition> previousConditions(MtlsCertificate certificate) {
    return certificate.getStatus() == null ? List.of() : certificate.getStatus().getConditions();
  }

  private Duration untilOrMinimum(Instant time) {
    Duration until = Duration.between(clock.instant(), time);
    return until.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : until;
  }
}
