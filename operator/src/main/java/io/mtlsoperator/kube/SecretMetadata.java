package io.mtlsoperator.kube;

/** Label and annotation keys on the Secrets the operator writes, so that kubectl explains them. */
public final class SecretMetadata {

  public static final String PREFIX = "pki.mtls-operator.io/";

  /** Selects every Secret the operator manages; the informers cache only these. */
  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY_VALUE = "mtls-operator";
  public static final String MANAGED_SELECTOR = MANAGED_BY_LABEL + "=" + MANAGED_BY_VALUE;

  public static final String CERTIFICATE_LABEL = PREFIX + "certificate";
  public static final String AUTHORITY_LABEL = PREFIX + "authority";
  /** On a trust bundle: the namespace and UID of the authority that publishes it (it has no owner reference, which cannot cross namespaces). */
  public static final String AUTHORITY_NAMESPACE_LABEL = PREFIX + "authority-namespace";
  public static final String AUTHORITY_UID_LABEL = PREFIX + "authority-uid";
  public static final String TRUST_BUNDLE_LABEL = PREFIX + "trust-bundle";

  public static final String ISSUER_ANNOTATION = PREFIX + "issuer";
  public static final String SERIAL_NUMBER_ANNOTATION = PREFIX + "serial-number";
  public static final String NOT_AFTER_ANNOTATION = PREFIX + "not-after";
  public static final String COMMON_NAME_ANNOTATION = PREFIX + "common-name";
  public static final String SPEC_DIGEST_ANNOTATION = PREFIX + "spec-digest";
  /** On an authority's Secret while a new CA certificate waits in pending.crt: when it starts signing. */
  public static final String PROMOTION_TIME_ANNOTATION = PREFIX + "promotion-time";

  /**
   * On a CertificateAuthority or MtlsCertificate: a new value (any text, e.g. a timestamp) forces
   * a renewal now. The value acted on is kept on the Secret and in status.lastRenewalRequest.
   */
  public static final String RENEW_ANNOTATION = PREFIX + "renew";
  /** On a leaf Secret: how many certificates were issued for the resource; status.revision repeats it. */
  public static final String REVISION_ANNOTATION = PREFIX + "revision";
  /** On a Secret: the renew annotation value that its certificate was issued for. */
  public static final String RENEWAL_REQUEST_ANNOTATION = PREFIX + "renewal-request";

  public static final String FIELD_MANAGER = "mtls-operator";

  private SecretMetadata() {
  }
}
