package io.mtlsoperator.api.v1alpha1;

/** What a leaf certificate is for; sets its extended key usage. */
public enum CertificateUsageName {
  /** serverAuth only. */
  Server,
  /** clientAuth only. */
  Client,
  /** serverAuth and clientAuth. */
  ServerAndClient
}
