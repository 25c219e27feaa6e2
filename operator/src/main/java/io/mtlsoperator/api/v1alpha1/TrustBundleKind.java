package io.mtlsoperator.api.v1alpha1;

/** The kind of object a trust bundle is written to. */
public enum TrustBundleKind {
  ConfigMap,
  /** An Opaque Secret, e.g. the Istio gateway's {@code <credentialName>-cacert}. */
  Secret
}
