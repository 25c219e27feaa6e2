package io.mtlsoperator.api.v1alpha1;

/** The API of the gateway that a certificate is wired into. */
public enum GatewayKind {
  /** An Istio Gateway (networking.istio.io), as on Kyma. */
  Istio,
  /** A Kubernetes Gateway API Gateway (gateway.networking.k8s.io). */
  GatewayAPI
}
