package io.mtlsoperator.api.v1alpha1;

/** Whether a re-issue generates a new private key. */
public enum RotationPolicy {
  /** A new key on every issue. */
  Always,
  /** Keep the key of the current Secret while it matches the requested algorithm and size. */
  Never
}
