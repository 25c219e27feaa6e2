package io.mtlsoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Observed state of an MtlsCertificate. */
public class MtlsCertificateStatus extends IssuedStatus {

  @JsonPropertyDescription("How many times a certificate was issued for this resource; 1 after the first issue.")
  private Integer revision;

  @JsonPropertyDescription("SHA-256 fingerprint of the authority certificate that signed the current certificate.")
  private String issuerFingerprintSha256;

  @JsonPropertyDescription("What spec.gateway put in place, as last checked.")
  private GatewayStatus gateway;

  public Integer getRevision() {
    return revision;
  }

  public void setRevision(Integer revision) {
    this.revision = revision;
  }

  public String getIssuerFingerprintSha256() {
    return issuerFingerprintSha256;
  }

  public void setIssuerFingerprintSha256(String issuerFingerprintSha256) {
    this.issuerFingerprintSha256 = issuerFingerprintSha256;
  }

  public GatewayStatus getGateway() {
    return gateway;
  }

  public void setGateway(GatewayStatus gateway) {
    this.gateway = gateway;
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o) && Objects.equals(revision, ((MtlsCertificateStatus) o).revision)
        && Objects.equals(issuerFingerprintSha256, ((MtlsCertificateStatus) o).issuerFingerprintSha256)
        && Objects.equals(gateway, ((MtlsCertificateStatus) o).gateway);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), revision, issuerFingerprintSha256, gateway);
  }
}
