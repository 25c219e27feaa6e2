package io.mtlsoperator.certificate;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
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
import io.mtlsoperator.kube.ResourceLogContext;
import io.mtlsoperator.kube.SecretApplier;
import io.mtlsoperator.kube.SecretMetadata;
import io.mtlsoperator.kube.SecretOwnership;
import io.mtlsoperator.kube.SpecOrAnnotationChange;
import io.mtlsoperator.kube.StatusReporter;
import io.mtlsoperator.lifecycle.IssueReason;
import io.mtlsoperator.lifecycle.ReconcileProblem;
import io.mtlsoperator.lifecycle.RenewalRequest;
import io.mtlsoperator.lifecycle.StatusTimes;
import io.mtlsoperator.pki.CertificateInfo;
import java.security.cert.X509Certificate;
import java.time.Clock;
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
// Generation-aware processing would drop annotation-only updates, so the filter decides instead.
@ControllerConfiguration(name = MtlsCertificateReconciler.NAME, generationAwareEventProcessing = false,
    informer = @Informer(onUpdateFilter = SpecOrAnnotationChange.class))
public class MtlsCertificateReconciler implements Reconciler<MtlsCertificate> {

  public static final String NAME = "mtlscertificate";
  static final String ISSUER_INDEX = "issuer-authority";
  static final String SECRET_NOT_OWNED = "SecretNotOwned";

  private static final Logger log = LoggerFactory.getLogger(MtlsCertificateReconciler.class);

  private final KubernetesClient client;
  private final Clock clock;
  private final IssuerResolver issuerResolver;
  private final LeafIssuance issuance;
  private final KeystorePasswords passwords;
  private final SecretApplier secretApplier;
  private final EventRecorder events;
  private final StatusReporter<MtlsCertificate, MtlsCertificateStatus> status;

  public MtlsCertificateReconciler(KubernetesClient client, Clock clock, IssuerResolver issuerResolver,
      io.mtlsoperator.pki.CertificateIssuer issuer, io.mtlsoperator.lifecycle.KeySource keySource,
      EventRecorder events) {
    this.client = client;
    this.clock = clock;
    this.issuerResolver = issuerResolver;
    this.issuance = new LeafIssuance(issuer, keySource,
        new IssuerLifetime(new io.mtlsoperator.authority.AuthorityRenewalRequester(client)::request, clock), clock);
    this.passwords = new KeystorePasswords(client);
    this.secretApplier = new SecretApplier(client);
    this.events = events;
    this.status = new StatusReporter<>(MtlsCertificate::new, MtlsCertificateStatus.class,
        client.getKubernetesSerialization(), events, clock);
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
      if (certificate.isMarkedForDeletion()) {
        // A resource on its way out needs no new certificate; the garbage collector takes its Secret.
        return UpdateControl.noUpdate();
      }
      try {
        return ready(certificate, ensureSecret(certificate));
      } catch (ReconcileProblem problem) {
        return notReady(certificate, problem);
      }
    }
  }

  private record Outcome(LeafSecret.Content content, ResolvedIssuer issuer, LeafSpec spec,
      java.util.Optional<IssueReason> reason, String answeredRenewalRequest, int revision) {
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
    List<X509Certificate> trustAnchors = issuer.trustAnchors();
    List<X509Certificate> chain = new java.util.ArrayList<>();
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

  private UpdateControl<MtlsCertificate> ready(MtlsCertificate certificate, Outcome outcome) {
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
    status.setConditions(Conditions.with(conditions, Conditions.READY, true, "Ready",
        "Certificate is up to date, valid until " + StatusTimes.format(info.notAfter()) + ", renews at "
            + StatusTimes.format(renewalTime),
        certificate.getMetadata().getGeneration(), clock.instant()));

    outcome.reason().ifPresent(reason -> {
      boolean renewal = outcome.revision() > 1;
      events.normal(certificate, renewal ? "Renewed" : "Issued", "Issued certificate " + info.serialNumberHex()
          + " from " + outcome.issuer().reference() + " into Secret " + certificate.getSpec().getSecretName()
          + " because " + reason.description());
    });

    return this.status.patchIfChanged(certificate, status).rescheduleAfter(this.status.delayUntil(renewalTime));
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
