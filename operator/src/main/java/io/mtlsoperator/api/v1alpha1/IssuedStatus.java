package io.mtlsoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Status fields that both kinds share: conditions and the facts of the current certificate. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IssuedStatus {

  @JsonPropertyDescription("Current state, each with reason, message and observedGeneration: Ready on both kinds, "
      + "Issuing on an MtlsCertificate that cannot be issued, GatewayConfigured on an MtlsCertificate with "
      + "spec.gateway, TrustBundlesReady on a CertificateAuthority with spec.trustBundles.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("Start of the current certificate's validity (RFC 3339).")
  private String notBefore;

  @JsonPropertyDescription("End of the current certificate's validity (RFC 3339).")
  private String notAfter;

  @JsonPropertyDescription("When the operator renews the certificate (RFC 3339).")
  private String renewalTime;

  @JsonPropertyDescription("Serial number of the current certificate, hexadecimal.")
  private String serialNumber;

  @JsonPropertyDescription("Value of the pki.mtls-operator.io/renew annotation that was last acted on; a new value "
      + "forces a renewal.")
  private String lastRenewalRequest;

  public String getLastRenewalRequest() {
    return lastRenewalRequest;
  }

  public void setLastRenewalRequest(String lastRenewalRequest) {
    this.lastRenewalRequest = lastRenewalRequest;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public String getNotBefore() {
    return notBefore;
  }

  public void setNotBefore(String notBefore) {
    this.notBefore = notBefore;
  }

  public String getNotAfter() {
    return notAfter;
  }

  public void setNotAfter(String notAfter) {
    this.notAfter = notAfter;
  }

  public String getRenewalTime() {
    return renewalTime;
  }

  public void setRenewalTime(String renewalTime) {
    this.renewalTime = renewalTime;
  }

  public String getSerialNumber() {
    return serialNumber;
  }

  public void setSerialNumber(String serialNumber) {
    this.serialNumber = serialNumber;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    IssuedStatus that = (IssuedStatus) o;
    return Objects.equals(conditions, that.conditions) && Objects.equals(notBefore, that.notBefore)
        && Objects.equals(notAfter, that.notAfter) && Objects.equals(renewalTime, that.renewalTime)
        && Objects.equals(serialNumber, that.serialNumber)
        && Objects.equals(lastRenewalRequest, that.lastRenewalRequest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(conditions, notBefore, notAfter, renewalTime, serialNumber, lastRenewalRequest);
  }
}
