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

  public static final String ISSUER_ANNOTATION = PREFIX + "issuer";
  public static final String SERIAL_NUMBER_ANNOTATION = PREFIX + "serial-number";
  public static final String NOT_AFTER_ANNOTATION = PREFIX + "not-after";
  public static final String COMMON_NAME_ANNOTATION = PREFIX + "common-name";
  public static final String SPEC_DIGEST_ANNOTATION = PREFIX + "spec-digest";

  public static final String FIELD_MANAGER = "mtls-operator";

  private SecretMetadata() {
  }
}
