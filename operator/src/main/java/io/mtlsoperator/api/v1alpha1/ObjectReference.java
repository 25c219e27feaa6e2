package io.mtlsoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A reference to a CertificateAuthority. */
public class ObjectReference {

  @Required
  @Size(min = 1, max = 253)
  @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
  @JsonPropertyDescription("Name of the CertificateAuthority.")
  private String name;

  @Size(min = 1, max = 63)
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @JsonPropertyDescription("Namespace of the CertificateAuthority; defaults to the namespace of this resource. "
      + "Another namespace must be allowed by the authority's spec.allowedNamespaces.")
  private String namespace;

  public ObjectReference() {
  }

  public ObjectReference(String name, String namespace) {
    this.name = name;
    this.namespace = namespace;
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

  /** Returns the namespace, or {@code defaultNamespace} when none is set. */
  public String namespaceOr(String defaultNamespace) {
    return namespace == null || namespace.isEmpty() ? defaultNamespace : namespace;
  }
}
