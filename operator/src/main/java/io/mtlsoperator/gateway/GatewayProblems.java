package io.mtlsoperator.gateway;

/** Reasons of the GatewayConfigured condition and its Events. */
final class GatewayProblems {

  static final String GATEWAY_API_NOT_INSTALLED = "GatewayApiNotInstalled";
  static final String GATEWAY_NOT_FOUND = "GatewayNotFound";
  static final String SERVER_NOT_FOUND = "GatewayServerNotFound";
  static final String SERVER_CONFLICT = "GatewayServerConflict";
  static final String GATEWAY_FIELDS_DROPPED = "GatewayFieldsDropped";
  static final String CREDENTIAL_NAMESPACE_NOT_ALLOWED = "CredentialNamespaceNotAllowed";

  private GatewayProblems() {
  }
}
