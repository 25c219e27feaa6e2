package io.mtlsoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Observed state of a CertificateAuthority. */
public class CertificateAuthorityStatus extends IssuedStatus {

  @JsonPropertyDescription("SHA-256 fingerprint of the CA certificate, upper-case hex pairs joined by colons.")
  private String fingerprintSha256;

  @JsonPropertyDescription("Subject of the CA certificate as an RFC 4514 string.")
  private String subject;

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
    return super.equals(o) && Objects.equals(fingerprintSha256, ((CertificateAuthorityStatus) o).fingerprintSha256)
        && Objects.equals(subject, ((CertificateAuthorityStatus) o).subject);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), fingerprintSha256, subject);
  }
}
