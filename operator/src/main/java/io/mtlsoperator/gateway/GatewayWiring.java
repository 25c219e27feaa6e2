package io.mtlsoperator.gateway;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.mtlsoperator.api.v1alpha1.GatewayKind;
import io.mtlsoperator.api.v1alpha1.GatewayStatus;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.authority.IssuerResolver;
import io.mtlsoperator.kube.Conditions;
import io.mtlsoperator.kube.EventRecorder;
import io.mtlsoperator.lifecycle.ReconcileProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires a server certificate into the gateway that spec.gateway names. In order, it checks that
 * the operator may write into the gateway's namespaces and collects the client trust bundle. It
 * then writes the credential Secret and the trust bundle, removes what an earlier spec.gateway
 * left behind, and sets the Gateway's server or listener. A step that fails stops the wiring and
 * is returned as a problem, together with what was found so far.
 */
public final class GatewayWiring {

  /** The status to report, and the problem that stopped the wiring, if any. */
  public record Result(GatewayStatus status, Optional<ReconcileProblem> problem) {
  }

  /** The server certificate as the gateway gets it: PEM chain and key to copy, or empty when Gardener writes it. */
  public record Credential(Optional<String> chainPem, Optional<String> keyPem, String source) {

    public static Credential issued(String chainPem, String keyPem) {
      return new Credential(Optional.of(chainPem), Optional.of(keyPem), "this MtlsCertificate");
    }

    public static Credential writtenBy(String source) {
      return new Credential(Optional.empty(), Optional.empty(), source);
    }
  }

  private static final Logger log = LoggerFactory.getLogger(GatewayWiring.class);

  private final KubernetesClient client;
  private final Set<String> credentialNamespaces;
  private final ClientTrust clientTrust;
  private final GatewayObjects objects;
  private final ServedVersions servedVersions;
  private final EventRecorder events;

  /**
   * @param credentialNamespaces namespaces other than a certificate's own where its gateway objects may be written
   */
  public GatewayWiring(KubernetesClient client, IssuerResolver issuerResolver, ServedVersions servedVersions,
      Set<String> credentialNamespaces, EventRecorder events) {
    this.client = client;
    this.credentialNamespaces = Set.copyOf(credentialNamespaces);
    this.clientTrust = new ClientTrust(issuerResolver);
    this.objects = new GatewayObjects(client);
    this.servedVersions = servedVersions;
    this.events = events;
  }

  public Result wire(MtlsCertificate certificate, Credential credential) {
    GatewayTarget target = GatewayTarget.of(certificate);
    GatewayStatus status = new GatewayStatus();
    status.setCredentialSecret(target.credentialReference());
    status.setServerCertificateSource(credential.source());
    status.setGatewayMatches(false);
    try {
      requireAllowed(certificate, target.credentialNamespace(), "spec.gateway.credentialNamespace");
      requireAllowed(certificate, target.trustNamespace(), "spec.gateway.namespace");

      ClientTrust.Bundle bundle = clientTrust.collect(target.clientAuthorities(),
          certificate.getMetadata().getNamespace());
      status.setClientAuthorities(bundle.authorities());
      status.setTrustedCertificates(bundle.certificates().size());

      Set<String> keep = new LinkedHashSet<>();
      if (credential.chainPem().isPresent() && !isOwnSecret(certificate, target)) {
        objects.writeCredential(certificate, target, credential.chainPem().get(), credential.keyPem().orElseThrow());
        keep.add(GatewayObjects.key("Secret", target.credentialNamespace(), target.credentialName()));
      }
      status.setClientTrustBundle(objects.writeTrust(certificate, target, bundle.certificates()));
      keep.add(GatewayObjects.key(target.kind() == GatewayKind.Istio ? "Secret" : "ConfigMap",
          target.trustNamespace(), target.trustName()));
      if (!isSettled(certificate)) {
        objects.removeExcept(certificate, keep, searchNamespaces(certificate));
      }

      configureGateway(certificate, target, status);
      status.setGatewayMatches(true);
      return new Result(status, Optional.empty());
    } catch (ReconcileProblem problem) {
      return new Result(status, Optional.of(problem));
    }
  }

  /**
   * Tells whether the last reconcile of the current spec completed. Objects of an earlier
   * spec.gateway can remain only while the spec changed since, so only then are the namespaces
   * searched for them, which saves two list requests per namespace on every reconcile.
   */
  public static boolean isSettled(MtlsCertificate certificate) {
    return certificate.getStatus() != null && Conditions.isTrueForGeneration(certificate.getStatus().getConditions(),
        Conditions.READY, certificate.getMetadata().getGeneration());
  }

  /** Removes every Secret and ConfigMap that spec.gateway made, as when it is removed or the resource is deleted. */
  public void unwire(MtlsCertificate certificate) {
    objects.removeExcept(certificate, Set.of(), searchNamespaces(certificate));
  }

  /** Namespaces where gateway objects of {@code certificate} can exist: its own and the allowed ones. */
  public Set<String> searchNamespaces(MtlsCertificate certificate) {
    Set<String> namespaces = new LinkedHashSet<>();
    namespaces.add(certificate.getMetadata().getNamespace());
    namespaces.addAll(credentialNamespaces);
    return namespaces;
  }

  /** Throws unless the operator may write gateway objects of {@code certificate} into {@code namespace}. */
  public void requireAllowed(MtlsCertificate certificate, String namespace, String field) {
    if (namespace.equals(certificate.getMetadata().getNamespace()) || credentialNamespaces.contains(namespace)) {
      return;
    }
    throw new ReconcileProblem(GatewayProblems.CREDENTIAL_NAMESPACE_NOT_ALLOWED, field + " leads to namespace "
        + namespace + ", where this operator may not write for certificates of namespace "
        + certificate.getMetadata().getNamespace() + ": add " + namespace + " to the Helm value "
        + "gateway.credentialNamespaces (allowed now: " + (credentialNamespaces.isEmpty() ? "none"
        : String.join(", ", credentialNamespaces.stream().sorted().toList())) + ")");
  }

  private static boolean isOwnSecret(MtlsCertificate certificate, GatewayTarget target) {
    return target.credentialNamespace().equals(certificate.getMetadata().getNamespace())
        && target.credentialName().equals(certificate.getSpec().getSecretName());
  }

  /** Returns the API group of Gateways of {@code kind}. */
  public static String group(GatewayKind kind) {
    return kind == GatewayKind.Istio ? IstioGatewayServer.GROUP : GatewayApiListener.GROUP;
  }

  /** Returns the versions of {@code kind}'s Gateway that the operator can write, the preferred first. */
  public static List<String> versions(GatewayKind kind) {
    return kind == GatewayKind.Istio ? IstioGatewayServer.VERSIONS : GatewayApiListener.VERSIONS;
  }

  private void configureGateway(MtlsCertificate certificate, GatewayTarget target, GatewayStatus status) {
    boolean istio = target.kind() == GatewayKind.Istio;
    String group = group(target.kind());
    String version = servedVersions.find(group, versions(target.kind()))
        .orElseThrow(() -> new ReconcileProblem(GatewayProblems.GATEWAY_API_NOT_INSTALLED, "The API group " + group
            + " is not served, so Gateway " + target.gatewayReference() + " cannot exist: install "
            + (istio ? "Istio" : "the Gateway API CRDs") + ", or correct spec.gateway.kind"));
    String apiVersion = group + "/" + version;
    status.setGateway(apiVersion + " Gateway " + target.gatewayReference());

    GenericKubernetesResource gateway = client.genericKubernetesResources(apiVersion, "Gateway")
        .inNamespace(target.gatewayNamespace()).withName(target.gatewayName()).get();
    if (gateway == null) {
      throw ReconcileProblem.waiting(GatewayProblems.GATEWAY_NOT_FOUND, "Gateway " + target.gatewayReference()
          + " (" + apiVersion + ") was not found: create it, or correct spec.gateway.name and spec.gateway.namespace");
    }
    GatewayEdit edit = istio ? IstioGatewayServer.plan(gateway, target) : GatewayApiListener.plan(gateway, target);
    status.setServer(edit.server());
    if (!edit.changes()) {
      return;
    }

    // The test operation makes the patch fail if the Gateway changed since it was read; the next reconcile re-plans.
    List<Map<String, Object>> operations = new ArrayList<>();
    operations.add(Map.of("op", "test", "path", "/metadata/resourceVersion",
        "value", gateway.getMetadata().getResourceVersion()));
    operations.addAll(edit.operations());
    GenericKubernetesResource patched = client.genericKubernetesResources(apiVersion, "Gateway")
        .inNamespace(target.gatewayNamespace()).withName(target.gatewayName())
        .patch(PatchContext.of(PatchType.JSON), client.getKubernetesSerialization().asJson(operations));

    // A CRD without these fields prunes them silently, and patching again would loop forever.
    // NOTE: no test reaches this branch, because the test cluster has only current Gateway CRDs.
    GatewayEdit remaining = istio ? IstioGatewayServer.plan(patched, target) : GatewayApiListener.plan(patched, target);
    if (remaining.changes()) {
      throw new ReconcileProblem(GatewayProblems.GATEWAY_FIELDS_DROPPED, "The API server dropped fields that the "
          + "operator set on Gateway " + target.gatewayReference() + " (" + apiVersion + "), so its CRD does not "
          + "know them: " + (istio ? "update the Istio CRDs" : "install the Gateway API standard channel v1.5 or "
          + "later"));
    }
    log.info("Configured Gateway {}: {}", target.gatewayReference(), edit.description());
    events.normal(certificate, "GatewayConfigured", "Gateway " + target.gatewayReference() + ": "
        + edit.description());
  }
}
