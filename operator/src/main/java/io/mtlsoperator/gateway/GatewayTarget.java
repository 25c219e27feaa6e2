package io.mtlsoperator.gateway;

import io.mtlsoperator.api.v1alpha1.GatewayKind;
import io.mtlsoperator.api.v1alpha1.GatewaySpec;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.api.v1alpha1.MtlsCertificateSpec;
import io.mtlsoperator.api.v1alpha1.ObjectReference;
import java.util.List;

/**
 * Where spec.gateway wires a certificate, with every default filled in.
 *
 * @param credentialNamespace namespace of the Secret the gateway reads its certificate from
 * @param trustNamespace namespace of the client trust bundle: the credential namespace for Istio,
 *     the Gateway's own namespace for Gateway API, whose caCertificateRefs are local
 * @param clientAuthorities CertificateAuthorities whose certificates the trust bundle holds
 */
public record GatewayTarget(GatewayKind kind, String gatewayNamespace, String gatewayName, String server,
    String credentialNamespace, String credentialName, String trustNamespace, List<ObjectReference> clientAuthorities) {

  /** Namespace of the Istio ingress gateway's pods on Kyma and in Istio's default installation. */
  public static final String ISTIO_GATEWAY_NAMESPACE = "istio-system";

  /** Suffix of the trust bundle's name; Istio looks for {@code <credentialName>-cacert} first. */
  public static final String TRUST_SUFFIX = "-cacert";

  /** Returns the target of {@code certificate}'s spec.gateway; the caller checks that it is set. */
  public static GatewayTarget of(MtlsCertificate certificate) {
    MtlsCertificateSpec spec = certificate.getSpec();
    GatewaySpec gateway = spec.getGateway();
    String namespace = certificate.getMetadata().getNamespace();

    String gatewayNamespace = orDefault(gateway.getNamespace(), namespace);
    String defaultCredentialNamespace = gateway.getKind() == GatewayKind.GatewayAPI ? gatewayNamespace
        : ISTIO_GATEWAY_NAMESPACE;
    String credentialNamespace = orDefault(gateway.getCredentialNamespace(), defaultCredentialNamespace);
    String credentialName = orDefault(gateway.getCredentialName(), spec.getSecretName());
    String trustNamespace = gateway.getKind() == GatewayKind.GatewayAPI ? gatewayNamespace : credentialNamespace;

    List<ObjectReference> clientAuthorities = gateway.getClientAuthorities() != null
        ? gateway.getClientAuthorities()
        : List.of(new ObjectReference(spec.getIssuerRef().getName(), spec.getIssuerRef().getNamespace()));
    return new GatewayTarget(gateway.getKind(), gatewayNamespace, gateway.getName(), gateway.getServer(),
        credentialNamespace, credentialName, trustNamespace, clientAuthorities);
  }

  public String trustName() {
    return credentialName + TRUST_SUFFIX;
  }

  /** Returns {@code namespace/name} of the Gateway resource. */
  public String gatewayReference() {
    return gatewayNamespace + "/" + gatewayName;
  }

  public String credentialReference() {
    return credentialNamespace + "/" + credentialName;
  }

  private static String orDefault(String value, String defaultValue) {
    return value == null || value.isEmpty() ? defaultValue : value;
  }
}
