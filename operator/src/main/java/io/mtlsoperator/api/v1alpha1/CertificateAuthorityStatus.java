package io.mtlsoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Observed state of a CertificateAuthority. */
public class CertificateAuthorityStatus extends IssuedStatus {

  @JsonPropertyDescription("SHA-256 fingerprint of the CA certificate, upper-case hex pairs joined by colons.")
  private String fingerprintSha256;

  @JsonPropertyDescription("Subject of the CA certificate as an RFC 4514 string.")
  private String subject;

  @JsonPropertyDescription("CA certificates from before a key rotation that stay in ca.crt and trust bundles until "
      + "they expire, so certificates they signed keep working.")
  private List<CertificateSummary> previousCertificates = new ArrayList<>();

  @JsonPropertyDescription("A new CA certificate with a new key, already in ca.crt and trust bundles, that starts "
      + "signing at its promotionTime once every workload has had time to trust it.")
  private CertificateSummary pendingCertificate;

  public List<CertificateSummary> getPreviousCertificates() {
    return previousCertificates;
  }

  public void setPreviousCertificates(List<CertificateSummary> previousCertificates) {
    this.previousCertificates = previousCertificates;
  }

  public CertificateSummary getPendingCertificate() {
    return pendingCertificate;
  }

  public void setPendingCertificate(CertificateSummary pendingCertificate) {
    this.pendingCertificate = pendingCertificate;
  }

  public String getFingerprintSha256() {
    return fingerprintSha256;
  }

  public void setFingerprintSha256(String fingerprintSha256) {
    this.fingerprintSha256 = fingerprintSha256;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  @Override
  public boolean equals(Object o) {
    if (!super.equals(o)) {
      return false;
    }
    CertificateAuthorityStatus that = (CertificateAuthorityStatus) o;
    return Objects.equals(fingerprintSha256, that.fingerprintSha256) && Objects.equals(subject, that.subject)
        && Objects.equals(previousCertificates, that.previousCertificates)
        && Objects.equals(pendingCertificate, that.pendingCertificate);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), fingerprintSha256, subject, previousCertificates, pendingCertificate);
  }
}
