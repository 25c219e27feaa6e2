package io.mtlsoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The issuer of an MtlsCertificate: a CertificateAuthority, or a Gardener cert-management issuer. */
public class IssuerReference {

  @Default("CertificateAuthority")
  @JsonPropertyDescription("CertificateAuthority (default), or GardenerIssuer: Gardener's cert-management issues "
      + "the certificate through a Gardener Certificate and writes its Secret, and duration, renewBefore and "
      + "privateKey are not passed on.")
  private IssuerKind kind = IssuerKind.CertificateAuthority;

  @Required
  @Size(min = 1, max = 253)
  @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
  @JsonPropertyDescription("Name of the CertificateAuthority, or of the Gardener issuer (e.g. garden).")
  private String name;

  @Size(min = 1, max = 63)
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @JsonPropertyDescription("Namespace of the CertificateAuthority; defaults to this resource's namespace, and "
      + "another namespace must be allowed by the authority's spec.allowedNamespaces. For a GardenerIssuer it is "
      + "passed to Gardener only when set.")
  private String namespace;

  public IssuerReference() {
  }

  public IssuerReference(String name, String namespace) {
    this.name = name;
    this.namespace = namespace;
  }

  public IssuerKind getKind() {
    return kind;
  }

  public void setKind(IssuerKind kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  /** Tells whether Gardener, not this operator, issues the certificate. */
  @JsonIgnore
  public boolean isGardener() {
    return kind == IssuerKind.GardenerIssuer;
  }

  /** Returns the namespace, or {@code defaultNamespace} when none is set. */
  public String namespaceOr(String defaultNamespace) {
    return namespace == null || namespace.isEmpty() ? defaultNamespace : namespace;
  }

  /** Returns the reference as one to a CertificateAuthority, as the issuer lookup takes it. */
  public ObjectReference authority() {
    return new ObjectReference(name, namespace);
  }
}
