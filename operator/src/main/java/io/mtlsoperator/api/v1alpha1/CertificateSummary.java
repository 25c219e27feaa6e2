package io.mtlsoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Identity and validity of a CA certificate that the status lists. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CertificateSummary {

  @JsonPropertyDescription("Serial number, hexadecimal.")
  private String serialNumber;

  @JsonPropertyDescription("SHA-256 fingerprint, upper-case hex pairs joined by colons.")
  private String fingerprintSha256;

  @JsonPropertyDescription("End of validity (RFC 3339); the certificate leaves the trust bundle then.")
  private String notAfter;

  @JsonPropertyDescription("For a pending certificate: when it starts signing (RFC 3339).")
  private String promotionTime;

  public String getSerialNumber() {
    return serialNumber;
  }

  public void setSerialNumber(String serialNumber) {
    this.serialNumber = serialNumber;
  }

  public String getFingerprintSha256() {
    return fingerprintSha256;
  }

  public void setFingerprintSha256(String fingerprintSha256) {
    this.fingerprintSha256 = fingerprintSha256;
  }

  public String getNotAfter() {
    return notAfter;
  }

  public void setNotAfter(String notAfter) {
    this.notAfter = notAfter;
  }

  public String getPromotionTime() {
    return promotionTime;
  }

  public void setPromotionTime(String promotionTime) {
    this.promotionTime = promotionTime;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CertificateSummary that && Objects.equals(serialNumber, that.serialNumber)
        && Objects.equals(fingerprintSha256, that.fingerprintSha256) && Objects.equals(notAfter, that.notAfter)
        && Objects.equals(promotionTime, that.promotionTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(serialNumber, fingerprintSha256, notAfter, promotionTime);
  }
}
