package io.mtlsoperator.gateway;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.mtlsoperator.api.v1alpha1.IssuerReference;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.api.v1alpha1.MtlsCertificateSpec;
import io.mtlsoperator.kube.SecretData;
import io.mtlsoperator.kube.SecretMetadata;
import io.mtlsoperator.lifecycle.ReconcileProblem;
import io.mtlsoperator.pki.Pem;
import io.mtlsoperator.pki.PkiException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server certificates that Gardener's cert-management issues (cert.gardener.cloud/v1alpha1
 * Certificate): the operator creates the Gardener Certificate from the MtlsCertificate's names and
 * issuer, or finds one that a user made for the same Secret, and then only reads. The Secret
 * that Gardener writes is never written or deleted by the operator.
 */
public final class GardenerCertificates {

  static final String GROUP = "cert.gardener.cloud";
  static final String API_VERSION = GROUP + "/v1alpha1";
  static final String KIND = "Certificate";

  public static final String GARDENER_NOT_INSTALLED = "GardenerNotInstalled";
  public static final String GARDENER_CERTIFICATE_NOT_READY = "GardenerCertificateNotReady";
  public static final String GARDENER_CERTIFICATE_NOT_OWNED = "GardenerCertificateNotOwned";

  /** The server certificate as Gardener delivered it, and which Gardener Certificate wrote it. */
  public record Delivered(X509Certificate leaf, String source) {
  }

  private static final Logger log = LoggerFactory.getLogger(GardenerCertificates.class);

  private final KubernetesClient client;
  private final ServedVersions servedVersions;

  public GardenerCertificates(KubernetesClient client, ServedVersions servedVersions) {
    this.client = client;
    this.servedVersions = servedVersions;
  }

  /**
   * Makes sure a Gardener Certificate writes Secret {@code namespace/secretName} for
   * {@code certificate} and returns the certificate Gardener wrote there.
   *
   * @throws ReconcileProblem while Gardener has not delivered a Ready certificate, or when the
   *     names are taken by objects the operator must not change
   */
  public Delivered ensure(MtlsCertificate certificate, String namespace, String secretName) {
    if (servedVersions.find(GROUP, List.of("v1alpha1")).isEmpty()) {
      throw new ReconcileProblem(GARDENER_NOT_INSTALLED, "The API group " + GROUP + " is not served, so no Gardener "
          + "Certificate can be created: install Gardener's cert-management, or set spec.issuerRef.kind to "
          + "CertificateAuthority");
    }
    GenericKubernetesResource gardener = findWriter(namespace, secretName)
        .orElseGet(() -> create(certificate, namespace, secretName));
    if (GatewayOwnership.isOwnedBy(gardener, certificate)) {
      updateIfChanged(certificate, gardener, namespace, secretName);
    } else if (!isManual(gardener, secretName)) {
      throw new ReconcileProblem(GARDENER_CERTIFICATE_NOT_OWNED, "Gardener Certificate " + namespace + "/"
          + secretName + " exists and writes another Secret: delete it, or set spec.secretName or "
          + "spec.gateway.credentialName to a free name");
    }
    String source = "Gardener Certificate " + namespace + "/" + gardener.getMetadata().getName();

    Map<String, Object> status = GatewayDocument.map(gardener.getAdditionalProperties().get("status"));
    String state = GatewayDocument.text(status, "state");
    if (!"Ready".equals(state)) {
      String message = GatewayDocument.text(status, "message");
      throw ReconcileProblem.waiting(GARDENER_CERTIFICATE_NOT_READY, "Waiting for " + source + " to become Ready "
          + "(state " + (state == null ? "not reported yet" : state) + (message == null ? "" : ": " + message) + ")");
    }
    Secret secret = client.secrets().inNamespace(namespace).withName(secretName).get();
    try {
      List<X509Certificate> chain = Pem.parseCertificates(SecretData.text(secret, "tls.crt").orElseThrow(() ->
          ReconcileProblem.waiting(GARDENER_CERTIFICATE_NOT_READY, "Waiting for " + source + " to write tls.crt into "
              + "Secret " + namespace + "/" + secretName)));
      return new Delivered(chain.get(0), source);
    } catch (PkiException e) {
      throw new ReconcileProblem(GARDENER_CERTIFICATE_NOT_READY, "Secret " + namespace + "/" + secretName
          + " written by " + source + " holds no readable certificate in tls.crt: " + e.getMessage(), e);
    }
  }

  /** Deletes the Gardener Certificates this operator created for {@code certificate}, except {@code keep}. */
  public void removeExcept(MtlsCertificate certificate, Set<String> keep, Set<String> namespaces) {
    if (servedVersions.find(GROUP, List.of("v1alpha1")).isEmpty()) {
      return;
    }
    Map<String, String> selector = Map.of(GatewayOwnership.OWNER_UID_LABEL, certificate.getMetadata().getUid());
    for (String namespace : namespaces) {
      for (GenericKubernetesResource found : resources().inNamespace(namespace).withLabels(selector).list()
          .getItems()) {
        if (!keep.contains(GatewayObjects.key(KIND, namespace, found.getMetadata().getName()))) {
          resources().inNamespace(namespace).withName(found.getMetadata().getName()).delete();
          log.info("Removed Gardener Certificate {}/{}, which the MtlsCertificate no longer asks for", namespace,
              found.getMetadata().getName());
        }
      }
    }
  }

  private Optional<GenericKubernetesResource> findWriter(String namespace, String secretName) {
    GenericKubernetesResource byName = resources().inNamespace(namespace).withName(secretName).get();
    if (byName != null) {
      return Optional.of(byName);
    }
    return resources().inNamespace(namespace).list().getItems().stream()
        .filter(candidate -> isManual(candidate, secretName))
        .findFirst();
  }

  /** Tells whether a Gardener Certificate writes {@code secretName} in its own namespace. */
  private static boolean isManual(GenericKubernetesResource gardener, String secretName) {
    Map<String, Object> spec = GatewayDocument.map(gardener.getAdditionalProperties().get("spec"));
    Map<String, Object> secretRef = GatewayDocument.map(spec.get("secretRef"));
    return secretName.equals(GatewayDocument.text(spec, "secretName"))
        || secretName.equals(GatewayDocument.text(secretRef, "name"));
  }

  private GenericKubernetesResource create(MtlsCertificate certificate, String namespace, String secretName) {
    GenericKubernetesResource created = resources().inNamespace(namespace)
        .resource(desired(certificate, namespace, secretName)).create();
    log.info("Created Gardener Certificate {}/{} for Secret {}", namespace, secretName, secretName);
    return created;
  }

  private void updateIfChanged(MtlsCertificate certificate, GenericKubernetesResource current, String namespace,
      String secretName) {
    Map<String, Object> desiredSpec = spec(certificate, secretName);
    Map<String, Object> currentSpec = GatewayDocument.map(current.getAdditionalProperties().get("spec"));
    boolean same = desiredSpec.entrySet().stream()
        .allMatch(entry -> Objects.equals(String.valueOf(entry.getValue()), String.valueOf(currentSpec.get(entry.getKey()))));
    if (!same) {
      resources().inNamespace(namespace).resource(desired(certificate, namespace, secretName))
          .fieldManager(SecretMetadata.FIELD_MANAGER).forceConflicts().serverSideApply();
      log.info("Updated Gardener Certificate {}/{} to the MtlsCertificate's names and issuer", namespace, secretName);
    }
  }

  private GenericKubernetesResource desired(MtlsCertificate certificate, String namespace, String secretName) {
    ObjectMeta metadata = GatewayOwnership.metadata(certificate, namespace, secretName);
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(API_VERSION)
        .withKind(KIND)
        .withMetadata(metadata)
        .addToAdditionalProperties("spec", spec(certificate, secretName))
        .build();
  }

  private static Map<String, Object> spec(MtlsCertificate certificate, String secretName) {
    MtlsCertificateSpec spec = certificate.getSpec();
    IssuerReference issuer = spec.getIssuerRef();
    Map<String, Object> issuerRef = new LinkedHashMap<>();
    issuerRef.put("name", issuer.getName());
    if (issuer.getNamespace() != null && !issuer.getNamespace().isEmpty()) {
      issuerRef.put("namespace", issuer.getNamespace());
    }
    Map<String, Object> gardenerSpec = new LinkedHashMap<>();
    if (spec.getCommonName() != null) {
      gardenerSpec.put("commonName", spec.getCommonName());
    }
    if (spec.getDnsNames() != null && !spec.getDnsNames().isEmpty()) {
      gardenerSpec.put("dnsNames", spec.getDnsNames());
    }
    gardenerSpec.put("secretName", secretName);
    gardenerSpec.put("issuerRef", issuerRef);
    // TODO: duration and private key settings are not passed on: ACME issuers such as garden ignore or reject them.
    return gardenerSpec;
  }

  private MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
      resources() {
    return client.genericKubernetesResources(API_VERSION, KIND);
  }
}
