package io.mtlsoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Objects;

/** State of the gateway wiring, as last checked. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GatewayStatus {

  @JsonPropertyDescription("The Gateway resource: apiVersion, kind and namespace/name.")
  private String gateway;

  @JsonPropertyDescription("The Istio server (port name) or Gateway API listener that uses the certificate.")
  private String server;

  @JsonPropertyDescription("The Secret the gateway reads the server certificate from, namespace/name.")
  private String credentialSecret;

  @JsonPropertyDescription("Who writes the credential Secret: this resource, or a Gardener Certificate.")
  private String serverCertificateSource;

  @JsonPropertyDescription("The client trust bundle: kind namespace/name and key.")
  private String clientTrustBundle;

  @JsonPropertyDescription("The CertificateAuthorities in the client trust bundle, namespace/name.")
  private List<String> clientAuthorities;

  @JsonPropertyDescription("How many CA certificates the client trust bundle holds (more than one during a rotation).")
  private Integer trustedCertificates;

  @JsonPropertyDescription("Whether the Gateway's server or listener matches: MUTUAL mode (Istio) or client "
      + "validation (Gateway API), with the credential above.")
  private Boolean gatewayMatches;

  public String getGateway() {
    return gateway;
  }

  public void setGateway(String gateway) {
    this.gateway = gateway;
  }

  public String getServer() {
    return server;
  }

  public void setServer(String server) {
    this.server = server;
  }

  public String getCredentialSecret() {
    return credentialSecret;
  }

  public void setCredentialSecret(String credentialSecret) {
    this.credentialSecret = credentialSecret;
  }

  public String getServerCertificateSource() {
    return serverCertificateSource;
  }

  public void setServerCertificateSource(String serverCertificateSource) {
    this.serverCertificateSource = serverCertificateSource;
  }

  public String getClientTrustBundle() {
    return clientTrustBundle;
  }

  public void setClientTrustBundle(String clientTrustBundle) {
    this.clientTrustBundle = clientTrustBundle;
  }

  public List<String> getClientAuthorities() {
    return clientAuthorities;
  }

  public void setClientAuthorities(List<String> clientAuthorities) {
    this.clientAuthorities = clientAuthorities;
  }

  public Integer getTrustedCertificates() {
    return trustedCertificates;
  }

  public void setTrustedCertificates(Integer trustedCertificates) {
    this.trustedCertificates = trustedCertificates;
  }

  public Boolean getGatewayMatches() {
    return gatewayMatches;
  }

  public void setGatewayMatches(Boolean gatewayMatches) {
    this.gatewayMatches = gatewayMatches;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof GatewayStatus other)) {
      return false;
    }
    return Objects.equals(gateway, other.gateway) && Objects.equals(server, other.server)
        && Objects.equals(credentialSecret, other.credentialSecret)
        && Objects.equals(serverCertificateSource, other.serverCertificateSource)
        && Objects.equals(clientTrustBundle, other.clientTrustBundle)
        && Objects.equals(clientAuthorities, other.clientAuthorities)
        && Objects.equals(trustedCertificates, other.trustedCertificates)
        && Objects.equals(gatewayMatches, other.gatewayMatches);
  }

  @Override
  public int hashCode() {
    return Objects.hash(gateway, server, credentialSecret, serverCertificateSource, clientTrustBundle,
        clientAuthorities, trustedCertificates, gatewayMatches);
  }
}
