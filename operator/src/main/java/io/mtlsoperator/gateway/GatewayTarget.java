package io.mtlsoperator.gateway;

import io.mtlsoperator.api.v1alpha1.GatewayKind;
import io.mtlsoperator.api.v1alpha1.GatewaySpec;
import io.mtlsoperator.api.v1alpha1.GatewayStatus;
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
 * @param clientAuthorities CertificateAuthorities whose root certificates the trust bundle contains
 * @param previousCredentialName the credential name that status.gateway reports from the last
 *     wiring, or null; a Gateway that still names it was set up by the operator, not by someone else
 */
public record GatewayTarget(GatewayKind kind, String gatewayNamespace, String gatewayName, String server,
    String credentialNamespace, String credentialName, String trustNamespace, List<ObjectReference> clientAuthorities,
    String previousCredentialName) {

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
        credentialNamespace, credentialName, trustNamespace, clientAuthorities, previousCredentialName(certificate));
  }

  private static String previousCredentialName(MtlsCertificate certificate) {
    GatewayStatus wired = certificate.getStatus() == null ? null : certificate.getStatus().getGateway();
    String secret = wired == null ? null : wired.getCredentialSecret();
    return secret == null ? null : secret.substring(secret.indexOf('/') + 1);
  }

  /** Tells whether a Gateway that names {@code name} as its credential was wired by the operator. */
  public boolean isOwnCredential(String name) {
    return credentialName.equals(name) || (previousCredentialName != null && previousCredentialName.equals(name));
  }

  /** Tells whether a Gateway that names {@code name} as its client trust bundle was wired by the operator. */
  public boolean isOwnTrust(String name) {
    return trustName().equals(name)
        || (previousCredentialName != null && (previousCredentialName + TRUST_SUFFIX).equals(name));
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
