package io.mtlsoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** A server or client certificate and the Secret it is written to. */
@ValidationRule(value = "has(self.commonName) || (has(self.dnsNames) && size(self.dnsNames) > 0)"
    + " || (has(self.ipAddresses) && size(self.ipAddresses) > 0) || (has(self.uris) && size(self.uris) > 0)"
    + " || (has(self.emailAddresses) && size(self.emailAddresses) > 0)",
    message = "set at least one identity: commonName, dnsNames, ipAddresses, uris or emailAddresses")
@ValidationRule(value = "!has(self.renewBefore) || !has(self.renewBeforePercentage)",
    message = "set renewBefore or renewBeforePercentage, not both")
@ValidationRule(value = "!has(self.renewBefore) || duration(self.renewBefore) < duration(self.duration)",
    message = "renewBefore must be shorter than duration")
@ValidationRule(value = "duration(self.duration) >= duration('5m')",
    message = "duration must be at least 5m")
@ValidationRule(value = "!has(self.subject) || !has(self.subject.commonName) || !has(self.commonName)",
    message = "set the common name once: commonName or subject.commonName")
@ValidationRule(value = "self.issuerRef.kind != 'GardenerIssuer' || self.usage == 'Server'",
    message = "a GardenerIssuer issues server certificates only: set usage to Server")
@ValidationRule(value = "self.issuerRef.kind != 'GardenerIssuer' || (!has(self.ipAddresses) && !has(self.uris)"
    + " && !has(self.emailAddresses) && !has(self.subject) && !has(self.keystores) && !has(self.renewBefore)"
    + " && !has(self.renewBeforePercentage))",
    message = "a GardenerIssuer certificate carries only commonName and dnsNames, and Gardener decides when to renew: "
        + "remove ipAddresses, uris, emailAddresses, subject, keystores, renewBefore and renewBeforePercentage")
@ValidationRule(value = "self.issuerRef.kind != 'GardenerIssuer' || has(self.commonName) || has(self.dnsNames)",
    message = "a GardenerIssuer certificate needs commonName or dnsNames")
@ValidationRule(value = "!has(self.gateway) || self.usage != 'Client'",
    message = "spec.gateway needs a server certificate: set usage to Server or ServerAndClient")
@ValidationRule(value = "!has(self.gateway) || self.issuerRef.kind != 'GardenerIssuer'"
    + " || has(self.gateway.clientAuthorities)",
    message = "spec.gateway.clientAuthorities is required when a GardenerIssuer issues the server certificate")
public class MtlsCertificateSpec extends RenewableSpec {

  @Required
  @JsonPropertyDescription("Who signs this certificate: a CertificateAuthority (default) or a Gardener issuer.")
  private IssuerReference issuerRef;

  @Required
  @JsonPropertyDescription("Server (serverAuth), Client (clientAuth) or ServerAndClient (both).")
  private CertificateUsageName usage;

  @Size(min = 1, max = 64)
  @JsonPropertyDescription("Common name (CN), at most 64 characters. Default: the first DNS name when it fits.")
  private String commonName;

  @JsonPropertyDescription("Other subject fields (organizations, organizationalUnits, countries, ...).")
  private Subject subject;

  @Size(max = 100)
  @ValidationRule(value = "self.all(n, n.matches('^(\\\\*\\\\.)?([^.*\\\\s/:@]{1,63}\\\\.)*[^.*\\\\s/:@]{1,63}$'))",
      message = "dnsNames must be host names such as api.example.com; a wildcard is allowed only as the whole "
          + "left-most label (*.example.com)")
  @JsonPropertyDescription("DNS subject alternative names; a wildcard only as the whole left-most label. "
      + "Internationalised names are written as punycode.")
  private List<@Size(max = 253) String> dnsNames;

  @Size(max = 100)
  @ValidationRule(value = "self.all(ip, isIP(ip))", message = "ipAddresses must be IPv4 or IPv6 addresses")
  @JsonPropertyDescription("IP address subject alternative names, IPv4 or IPv6.")
  private List<@Size(max = 45) String> ipAddresses;

  @Size(max = 100)
  @ValidationRule(value = "self.all(u, isURL(u) && url(u).getScheme() != '')",
      message = "uris must be absolute URIs such as spiffe://cluster.local/ns/default/sa/app")
  @JsonPropertyDescription("URI subject alternative names, e.g. SPIFFE IDs.")
  private List<@Size(max = 2048) String> uris;

  @Size(max = 100)
  @ValidationRule(value = "self.all(e, e.matches('^[^@\\\\s]+@[^@\\\\s]+$'))",
      message = "emailAddresses must look like name@example.com")
  @JsonPropertyDescription("Email subject alternative names.")
  private List<@Size(max = 320) String> emailAddresses;

  @Default("2160h")
  @Pattern(ApiGroup.DURATION_PATTERN)
  @JsonPropertyDescription("Lifetime as a Go duration, e.g. 2160h (the default, 90 days). Capped at the issuer's "
      + "expiry.")
  private String duration = "2160h";

  @Required
  @Size(min = 1, max = 253)
  @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
  @JsonPropertyDescription("Secret of type kubernetes.io/tls to write: tls.crt (leaf and intermediates), tls.key, "
      + "ca.crt (root). With a GardenerIssuer, Gardener writes it, in spec.gateway.credentialNamespace when "
      + "spec.gateway is set.")
  private String secretName;

  @JsonPropertyDescription("Labels and annotations added to the Secret.")
  private SecretTemplate secretTemplate;

  @JsonPropertyDescription("Optional PKCS#12 and JKS keystores and truststores in the same Secret.")
  private Keystores keystores;

  @JsonPropertyDescription("Wires the certificate into an Istio or Gateway API Gateway with client certificate "
      + "validation: credential Secret, client trust bundle and the Gateway's server or listener.")
  private GatewaySpec gateway;

  public IssuerReference getIssuerRef() {
    return issuerRef;
  }

  public void setIssuerRef(IssuerReference issuerRef) {
    this.issuerRef = issuerRef;
  }

  public CertificateUsageName getUsage() {
    return usage;
  }

  public void setUsage(CertificateUsageName usage) {
    this.usage = usage;
  }

  public String getCommonName() {
    return commonName;
  }

  public void setCommonName(String commonName) {
    this.commonName = commonName;
  }

  public Subject getSubject() {
    return subject;
  }

  public void setSubject(Subject subject) {
    this.subject = subject;
  }

  public List<String> getDnsNames() {
    return dnsNames;
  }

  public void setDnsNames(List<String> dnsNames) {
    this.dnsNames = dnsNames;
  }

  public List<String> getIpAddresses() {
    return ipAddresses;
  }

  public void setIpAddresses(List<String> ipAddresses) {
    this.ipAddresses = ipAddresses;
  }

  public List<String> getUris() {
    return uris;
  }

  public void setUris(List<String> uris) {
    this.uris = uris;
  }

  public List<String> getEmailAddresses() {
    return emailAddresses;
  }

  public void setEmailAddresses(List<String> emailAddresses) {
    this.emailAddresses = emailAddresses;
  }

  public String getDuration() {
    return duration;
  }

  public void setDuration(String duration) {
    this.duration = duration;
  }

  public String getSecretName() {
    return secretName;
  }

  public void setSecretName(String secretName) {
    this.secretName = secretName;
  }

  public SecretTemplate getSecretTemplate() {
    return secretTemplate;
  }

  public void setSecretTemplate(SecretTemplate secretTemplate) {
    this.secretTemplate = secretTemplate;
  }

  public Keystores getKeystores() {
    return keystores;
  }

  public void setKeystores(Keystores keystores) {
    this.keystores = keystores;
  }

  public GatewaySpec getGateway() {
    return gateway;
  }

  public void setGateway(GatewaySpec gateway) {
    this.gateway = gateway;
  }
}
