package io.mtlsoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/**
 * Wiring of a server certificate into a gateway: where the gateway reads the certificate and the
 * client trust bundle from, and which server or listener of which Gateway uses them.
 */
public class GatewaySpec {

  @Default("Istio")
  @JsonPropertyDescription("Istio (networking.istio.io Gateway, the default) or GatewayAPI "
      + "(gateway.networking.k8s.io Gateway).")
  private GatewayKind kind = GatewayKind.Istio;

  @Required
  @Size(min = 1, max = 253)
  @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
  @JsonPropertyDescription("Name of the Gateway resource.")
  private String name;

  @Size(min = 1, max = 63)
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @JsonPropertyDescription("Namespace of the Gateway resource; defaults to this resource's namespace.")
  private String namespace;

  @Size(min = 1, max = 253)
  @JsonPropertyDescription("Istio: the server's port name; Gateway API: the listener name. May be left out when "
      + "the Gateway has exactly one server or listener.")
  private String server;

  @Size(min = 1, max = 246)
  @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
  @JsonPropertyDescription("Name of the Secret the gateway reads its certificate from (Istio credentialName, Gateway "
      + "API certificateRefs); defaults to spec.secretName. The client trust bundle is <credentialName>-cacert.")
  private String credentialName;

  @Size(min = 1, max = 63)
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @JsonPropertyDescription("Namespace of the gateway's pods, where the gateway reads Secrets. Default: istio-system "
      + "for Istio, the Gateway's namespace for Gateway API. A namespace other than this resource's must be "
      + "allowed by the operator's gateway.credentialNamespaces Helm value.")
  private String credentialNamespace;

  @Size(min = 1, max = 20)
  @JsonPropertyDescription("CertificateAuthorities whose clients the gateway accepts. The client trust bundle "
      + "holds the root certificates of their chains: the current, a pending and the still valid previous roots. "
      + "Listing an intermediate therefore accepts every client under its root. Defaults to spec.issuerRef; "
      + "required when Gardener issues the server certificate.")
  private List<ObjectReference> clientAuthorities;

  public GatewayKind getKind() {
    return kind;
  }

  public void setKind(GatewayKind kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public String getServer() {
    return server;
  }

  public void setServer(String server) {
    this.server = server;
  }

  public String getCredentialName() {
    return credentialName;
  }

  public void setCredentialName(String credentialName) {
    this.credentialName = credentialName;
  }

  public String getCredentialNamespace() {
    return credentialNamespace;
  }

  public void setCredentialNamespace(String credentialNamespace) {
    this.credentialNamespace = credentialNamespace;
  }

  public List<ObjectReference> getClientAuthorities() {
    return clientAuthorities;
  }

  public void setClientAuthorities(List<ObjectReference> clientAuthorities) {
    this.clientAuthorities = clientAuthorities;
  }
}
