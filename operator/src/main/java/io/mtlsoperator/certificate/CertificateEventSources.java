package io.mtlsoperator.certificate;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.api.v1alpha1.GatewayKind;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.api.v1alpha1.MtlsCertificateSpec;
import io.mtlsoperator.gateway.GatewayOwnership;
import io.mtlsoperator.gateway.GatewayTarget;
import io.mtlsoperator.gateway.GatewayWiring;
import io.mtlsoperator.gateway.ServedVersions;
import io.mtlsoperator.kube.SecretMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What makes the certificate reconciler run besides its own resource: the operator's Secrets,
 * the authorities a certificate depends on, and the Gateways it wires into.
 */
final class CertificateEventSources {

  static final String ISSUER_INDEX = "issuer-authority";
  static final String GATEWAY_INDEX = "gateway";

  private static final Logger log = LoggerFactory.getLogger(CertificateEventSources.class);

  private CertificateEventSources() {
  }

  /** Returns the event sources of the certificate reconciler, with the primary-cache indexes they map through. */
  static List<EventSource<?, MtlsCertificate>> create(EventSourceContext<MtlsCertificate> context,
      ServedVersions servedVersions) {
    context.getPrimaryCache().addIndexer(ISSUER_INDEX, CertificateEventSources::authorityKeys);

    var ownedSecrets = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(Secret.class, MtlsCertificate.class)
            .withName("certificate-secrets")
            .withLabelSelector(SecretMetadata.MANAGED_SELECTOR)
            .withSecondaryToPrimaryMapper(CertificateEventSources::secretOwners)
            .build(), context);

    // An issuer that becomes Ready, renews or changes key must reach every certificate it signs.
    var issuers = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(CertificateAuthority.class, MtlsCertificate.class)
            .withName("issuing-authorities")
            .withSecondaryToPrimaryMapper(authority -> context.getPrimaryCache()
                .byIndex(ISSUER_INDEX, authority.getMetadata().getNamespace() + "/" + authority.getMetadata().getName())
                .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
            .build(), context);
    List<EventSource<?, MtlsCertificate>> sources = new ArrayList<>(List.of(ownedSecrets, issuers));
    sources.addAll(gatewayInformers(context, servedVersions));
    return sources;
  }

  /**
   * Watches the Gateways that certificates wire into, so that an edit of a Gateway is checked at
   * once. Only API groups served when the operator starts are watched.
   */
  // TODO: Istio or the Gateway API installed after the operator started is only checked every MtlsCertificateReconciler.EXTERNAL_RECHECK.
  private static List<EventSource<?, MtlsCertificate>> gatewayInformers(
      EventSourceContext<MtlsCertificate> context, ServedVersions servedVersions) {
    context.getPrimaryCache().addIndexer(GATEWAY_INDEX, certificate -> {
      if (certificate.getSpec() == null || certificate.getSpec().getGateway() == null) {
        return List.of();
      }
      GatewayTarget target = GatewayTarget.of(certificate);
      return List.of(gatewayKey(target.kind(), target.gatewayNamespace(), target.gatewayName()));
    });

    List<EventSource<?, MtlsCertificate>> sources = new ArrayList<>();
    for (GatewayKind kind : GatewayKind.values()) {
      servedVersions.find(GatewayWiring.group(kind), GatewayWiring.versions(kind)).ifPresent(version -> {
        var gvk = new GroupVersionKind(GatewayWiring.group(kind), version, "Gateway");
        sources.add(new InformerEventSource<>(InformerEventSourceConfiguration.from(gvk, MtlsCertificate.class)
            .withName("gateways-" + kind.name().toLowerCase(Locale.ROOT))
            .withSecondaryToPrimaryMapper(gateway -> context.getPrimaryCache()
                .byIndex(GATEWAY_INDEX, gatewayKey(kind, gateway.getMetadata().getNamespace(),
                    gateway.getMetadata().getName()))
                .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
            .build(), context));
        log.info("Watching {}/{} Gateways for gateway wiring", GatewayWiring.group(kind), version);
      });
    }
    return sources;
  }

  private static String gatewayKey(GatewayKind kind, String namespace, String name) {
    return kind + "/" + namespace + "/" + name;
  }

  /** Returns the authorities a certificate depends on: its issuer and the client authorities of its gateway. */
  private static List<String> authorityKeys(MtlsCertificate certificate) {
    MtlsCertificateSpec spec = certificate.getSpec();
    String namespace = certificate.getMetadata().getNamespace();
    List<String> keys = new ArrayList<>();
    if (spec != null && spec.getIssuerRef() != null && !spec.getIssuerRef().isGardener()) {
      keys.add(spec.getIssuerRef().namespaceOr(namespace) + "/" + spec.getIssuerRef().getName());
    }
    if (spec != null && spec.getGateway() != null && spec.getGateway().getClientAuthorities() != null) {
      spec.getGateway().getClientAuthorities().forEach(reference ->
          keys.add(reference.namespaceOr(namespace) + "/" + reference.getName()));
    }
    return keys;
  }

  /** Maps a Secret to its certificate: by owner reference, or by the annotation on gateway copies in other namespaces. */
  private static Set<ResourceID> secretOwners(Secret secret) {
    Set<ResourceID> owners = new HashSet<>(Mappers.fromOwnerReferences(MtlsCertificate.class)
        .toPrimaryResourceIDs(secret));
    List<String> gatewayOwner = GatewayOwnership.ownerOf(secret);
    if (!gatewayOwner.isEmpty()) {
      owners.add(new ResourceID(gatewayOwner.get(1), gatewayOwner.get(0)));
    }
    return owners;
  }
}
