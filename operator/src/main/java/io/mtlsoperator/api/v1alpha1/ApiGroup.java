package io.mtlsoperator.api.v1alpha1;

/** Names shared by both kinds. */
public final class ApiGroup {

  public static final String GROUP = "pki.mtls-operator.io";
  public static final String VERSION = "v1alpha1";

  /** Go-style duration such as 8760h, 90m or 1h30m; CEL's duration() parses the same syntax. */
  static final String DURATION_PATTERN = "^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$";

  static final String READY_COLUMN_PATH = ".status.conditions[?(@.type==\"Ready\")].status";
  static final String REASON_COLUMN_PATH = ".status.conditions[?(@.type==\"Ready\")].reason";

  private ApiGroup() {
  }
}
