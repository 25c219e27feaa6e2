package io.mtlsoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** The issuer of an MtlsCertificate: a CertificateAuthority, or a Gardener cert-management issuer. */
public class IssuerReference extends ObjectReference {

  @Default("CertificateAuthority")
  @JsonPropertyDescription("CertificateAuthority (default) or GardenerIssuer. For GardenerIssuer, name is the "
      + "Gardener issuer (e.g. garden) and namespace is passed to Gardener only when set.")
  private IssuerKind kind = IssuerKind.CertificateAuthority;

  public IssuerReference() {
  }

  public IssuerReference(String name, String namespace) {
    super(name, namespace);
  }

  public IssuerKind getKind() {
    return kind;
  }

  public void setKind(IssuerKind kind) {
    this.kind = kind;
  }

  /** Tells whether Gardener, not this operator, issues the certificate. */
  @JsonIgnore
  public boolean isGardener() {
    return kind == IssuerKind.GardenerIssuer;
  }
}
