package io.mtlsoperator.gateway;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.api.v1alpha1.GatewayKind;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.kube.SecretApplier;
import io.mtlsoperator.kube.SecretData;
import io.mtlsoperator.kube.SecretMetadata;
import io.mtlsoperator.lifecycle.ReconcileProblem;
import io.mtlsoperator.pki.Pem;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the Secrets and ConfigMaps a gateway reads: the copy of the server certificate in the
 * gateway's namespace, and the client trust bundle. Objects of the same name that the operator
 * did not make are never written; removing one wiring deletes only objects labelled with the
 * certificate's UID.
 */
public final class GatewayObjects {

  public static final String CREDENTIAL_SECRET_NOT_OWNED = "CredentialSecretNotOwned";
  public static final String TRUST_BUNDLE_NOT_OWNED = "TrustBundleNotOwned";

  /** Istio reads the client CAs from this key of the {@code -cacert} Secret before ca.crt. */
  static final String ISTIO_TRUST_KEY = "cacert";
  /** Gateway API implementations must read this key of a ConfigMap in caCertificateRefs. */
  static final String GATEWAY_API_TRUST_KEY = "ca.crt";

  private static final Logger log = LoggerFactory.getLogger(GatewayObjects.class);

  private final KubernetesClient client;
  private final SecretApplier secretApplier;

  public GatewayObjects(KubernetesClient client) {
    this.client = client;
    this.secretApplier = new SecretApplier(client);
  }

  /**
   * Copies the server certificate chain and key into the credential Secret. The copy has no
   * ca.crt: the gateway must take its client CAs from the trust bundle, never from the
   * server certificate's own issuer.
   */
  public void writeCredential(MtlsCertificate certificate, GatewayTarget target, String chainPem, String keyPem) {
    Secret current = client.secrets().inNamespace(target.credentialNamespace()).withName(target.credentialName()).get();
    if (current != null && !GatewayOwnership.isOwnedBy(current, certificate)) {
      throw new ReconcileProblem(CREDENTIAL_SECRET_NOT_OWNED, "Secret " + target.credentialReference()
          + " exists and was not made for this MtlsCertificate, so it is left untouched: delete it, "
          + "set spec.gateway.credentialName to a free name, or, if Gardener writes it, set spec.issuerRef.kind "
          + "to GardenerIssuer");
    }
    Secret desired = new SecretBuilder()
        .withMetadata(GatewayOwnership.metadata(certificate, target.credentialNamespace(), target.credentialName()))
        .withType("kubernetes.io/tls")
        .addToData("tls.crt", SecretData.encode(chainPem))
        .addToData("tls.key", SecretData.encode(keyPem))
        .build();
    if (secretApplier.applyIfChanged(current, desired)) {
      log.info("Wrote the gateway credential Secret {}", target.credentialReference());
    }
  }

  /** Writes the client trust bundle: a Secret with key cacert for Istio, a ConfigMap with key ca.crt for Gateway API. */
  public String writeTrust(MtlsCertificate certificate, GatewayTarget target, List<X509Certificate> bundle) {
    String pem = Pem.encodeCertificates(bundle);
    String namespace = target.trustNamespace();
    String name = target.trustName();

    if (target.kind() == GatewayKind.Istio) {
      Secret current = client.secrets().inNamespace(namespace).withName(name).get();
      requireOwned(current, certificate, "Secret " + namespace + "/" + name);
      if (current == null || !Objects.equals(SecretData.text(current, ISTIO_TRUST_KEY).orElse(null), pem)) {
        client.secrets().inNamespace(namespace).resource(new SecretBuilder()
                .withMetadata(GatewayOwnership.metadata(certificate, namespace, name))
                .withType("Opaque").addToData(ISTIO_TRUST_KEY, SecretData.encode(pem)).build())
            .fieldManager(SecretMetadata.FIELD_MANAGER).forceConflicts().serverSideApply();
        log.info("Wrote the client trust bundle Secret {}/{} with {} CA certificates", namespace, name, bundle.size());
      }
      return "Secret " + namespace + "/" + name + " key " + ISTIO_TRUST_KEY;
    }

    ConfigMap current = client.configMaps().inNamespace(namespace).withName(name).get();
    requireOwned(current, certificate, "ConfigMap " + namespace + "/" + name);
    if (current == null || current.getData() == null || !pem.equals(current.getData().get(GATEWAY_API_TRUST_KEY))) {
      client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder()
              .withMetadata(GatewayOwnership.metadata(certificate, namespace, name))
              .addToData(GATEWAY_API_TRUST_KEY, pem).build())
          .fieldManager(SecretMetadata.FIELD_MANAGER).forceConflicts().serverSideApply();
      log.info("Wrote the client trust bundle ConfigMap {}/{} with {} CA certificates", namespace, name,
          bundle.size());
    }
    return "ConfigMap " + namespace + "/" + name + " key " + GATEWAY_API_TRUST_KEY;
  }

  private static void requireOwned(HasMetadata current, MtlsCertificate certificate, String description) {
    if (current != null && !GatewayOwnership.isOwnedBy(current, certificate)) {
      throw new ReconcileProblem(TRUST_BUNDLE_NOT_OWNED, description + " exists and was not made for this "
          + "MtlsCertificate, so the client trust bundle cannot be written: delete it, or set "
          + "spec.gateway.credentialName to a name whose -cacert object is free");
    }
  }

  /**
   * Deletes the certificate's gateway Secrets and ConfigMaps except those named in {@code keep}
   * ({@code kind/namespace/name}). {@code namespaces} limits the search; empty searches all.
   */
  public void removeExcept(MtlsCertificate certificate, Set<String> keep, Set<String> namespaces) {
    Map<String, String> selector = Map.of(GatewayOwnership.OWNER_UID_LABEL, certificate.getMetadata().getUid());
    List<Secret> secrets = new ArrayList<>();
    List<ConfigMap> configMaps = new ArrayList<>();
    if (namespaces.isEmpty()) {
      secrets.addAll(client.secrets().inAnyNamespace().withLabels(selector).list().getItems());
      configMaps.addAll(client.configMaps().inAnyNamespace().withLabels(selector).list().getItems());
    } else {
      for (String namespace : namespaces) {
        secrets.addAll(client.secrets().inNamespace(namespace).withLabels(selector).list().getItems());
        configMaps.addAll(client.configMaps().inNamespace(namespace).withLabels(selector).list().getItems());
      }
    }
    secrets.forEach(secret -> removeUnlessKept("Secret", secret, keep));
    configMaps.forEach(configMap -> removeUnlessKept("ConfigMap", configMap, keep));
  }

  private void removeUnlessKept(String kind, HasMetadata object, Set<String> keep) {
    String namespace = object.getMetadata().getNamespace();
    String name = object.getMetadata().getName();
    if (!keep.contains(key(kind, namespace, name))) {
      client.resource(object).delete();
      log.info("Removed the gateway {} {}/{}, which spec.gateway no longer names", kind, namespace, name);
    }
  }

  /** Returns the key that removeExcept compares: {@code kind/namespace/name}. */
  public static String key(String kind, String namespace, String name) {
    return kind + "/" + namespace + "/" + name;
  }
}
