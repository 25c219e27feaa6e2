package io.mtlsoperator.bench.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import java.util.List;
import java.util.Map;

/**
 * Builds the CertificateAuthority and MtlsCertificate resources of the scenarios as a user would
 * write them, and reads their status. The harness uses untyped resources so that it talks to the
 * API server exactly as kubectl does, without the operator's classes.
 */
final class PkiResources {

  static final String GROUP_VERSION = "pki.mtls-operator.io/v1alpha1";
  static final String CA_NAME = "bench-ca";
  static final String RENEW_ANNOTATION = "pki.mtls-operator.io/renew";

  private static final ResourceDefinitionContext CERTIFICATES = context("MtlsCertificate", "mtlscertificates");
  private static final ResourceDefinitionContext AUTHORITIES = context("CertificateAuthority",
      "certificateauthorities");

  private final KubernetesClient client;

  PkiResources(KubernetesClient client) {
    this.client = client;
  }

  private static ResourceDefinitionContext context(String kind, String plural) {
    return new ResourceDefinitionContext.Builder().withGroup("pki.mtls-operator.io").withVersion("v1alpha1")
        .withKind(kind).withPlural(plural).withNamespaced(true).build();
  }

  MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
      certificates() {
    return client.genericKubernetesResources(CERTIFICATES);
  }

  MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
      authorities() {
    return client.genericKubernetesResources(AUTHORITIES);
  }

  /** Creates the namespace unless it exists. */
  void ensureNamespace(String namespace) {
    if (client.namespaces().withName(namespace).get() == null) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
          .build()).create();
    }
  }

  /** Builds a self-signed root with a key of {@code key}'s algorithm and size, valid for ten years. */
  GenericKubernetesResource authority(String namespace, KeyChoice key) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(GROUP_VERSION).withKind("CertificateAuthority")
        .withNewMetadata().withNamespace(namespace).withName(CA_NAME).endMetadata()
        .withAdditionalProperties(Map.of("spec", Map.of(
            "selfSigned", Map.of(),
            "subject", Map.of("commonName", "Benchmark root CA " + namespace),
            "duration", "87600h",
            "privateKey", Map.of("algorithm", key.algorithm, "size", key.size))))
        .build();
  }

  /** Builds a server-and-client leaf with one DNS name, issued by {@link #CA_NAME} in the same namespace. */
  GenericKubernetesResource certificate(String namespace, String name, KeyChoice key) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(GROUP_VERSION).withKind("MtlsCertificate")
        .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
        .withAdditionalProperties(Map.of("spec", Map.of(
            "issuerRef", Map.of("name", CA_NAME),
            "usage", "ServerAndClient",
            "dnsNames", List.of(name + "." + namespace + ".svc.cluster.local"),
            "secretName", name + "-tls",
            "privateKey", Map.of("algorithm", key.algorithm, "size", key.size))))
        .build();
  }

  /** Returns whether the resource's Ready condition is True. */
  @SuppressWarnings("unchecked")
  static boolean isReady(GenericKubernetesResource resource) {
    Object status = resource.getAdditionalProperties().get("status");
    if (!(status instanceof Map<?, ?> statusMap) || !(statusMap.get("conditions") instanceof List<?> conditions)) {
      return false;
    }
    return conditions.stream().filter(Map.class::isInstance).map(condition -> (Map<String, Object>) condition)
        .anyMatch(condition -> "Ready".equals(condition.get("type")) && "True".equals(condition.get("status")));
  }

  /** Returns status.lastRenewalRequest: the renew annotation value that the current certificate was issued for. */
  static String lastRenewalRequest(GenericKubernetesResource resource) {
    Object status = resource.getAdditionalProperties().get("status");
    return status instanceof Map<?, ?> statusMap && statusMap.get("lastRenewalRequest") instanceof String value
        ? value : null;
  }
}
