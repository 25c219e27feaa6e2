package io.mtlsoperator.api.v1alpha1;

/** Purpose of a leaf certificate, which sets its extended key usage. */
public enum CertificateUsageName {
  /** serverAuth only. */
  Server,
  /** clientAuth only. */
  Client,
  /** serverAuth and clientAuth. */
  ServerAndClient
}
