package io.mtlsoperator.lifecycle;

/**
 * Reason a certificate is (re-)issued. The name is the CamelCase reason of the Issuing condition and
 * of the Event, and the log field, so one word explains the action everywhere.
 */
public enum IssueReason {
  /** The Secret does not exist yet. */
  DoesNotExist("the Secret does not exist"),
  /** tls.crt or tls.key is missing, empty or unreadable. */
  InvalidSecretData("the Secret holds no readable certificate and key"),
  /** tls.key does not belong to the certificate in tls.crt. */
  KeyMismatch("tls.key does not match the certificate in tls.crt"),
  /** Names, usage, key or keystore settings differ from what was issued. */
  SpecChanged("the spec differs from the issued certificate"),
  /** The certificate was not signed by the issuer's current certificate and key. */
  IssuerChanged("the certificate was not signed by the issuer's current key"),
  /** The names or usage in the certificate differ from the spec, e.g. after a hand edit. */
  CertificateMismatch("the certificate's names or usage differ from the spec"),
  /** Someone set a new value on the renew annotation. */
  RenewalRequested("a renewal was requested with the renew annotation"),
  /** The renewal time has come. */
  RenewalDue("the renewal time has come"),
  /** The certificate has expired. */
  Expired("the certificate has expired");

  private final String description;

  IssueReason(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
