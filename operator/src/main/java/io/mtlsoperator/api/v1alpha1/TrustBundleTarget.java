package io.mtlsoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;

/** Destination of the authority's trust anchors: one object name in a set of namespaces. */
@ValidationRule(value = "(has(self.namespaces) && size(self.namespaces) > 0) || has(self.namespaceSelector)",
    message = "a trust bundle needs namespaces, a namespaceSelector, or both")
public class TrustBundleTarget {

  @Default("ConfigMap")
  @JsonPropertyDescription("ConfigMap (default) or Secret (type Opaque).")
  private TrustBundleKind kind = TrustBundleKind.ConfigMap;

  @Required
  @Size(min = 1, max = 253)
  @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
  @JsonPropertyDescription("Name of the ConfigMap or Secret, e.g. kyma-mtls-cacert.")
  private String name;

  @Default("ca.crt")
  @Size(min = 1, max = 253)
  @Pattern("^[-._a-zA-Z0-9]+$")
  @JsonPropertyDescription("Key that holds the PEM bundle; default ca.crt (Istio reads cacert from a -cacert Secret).")
  private String key = "ca.crt";

  @Size(max = 100)
  @JsonPropertyDescription("Namespaces to publish into.")
  private List<@Size(max = 63) String> namespaces;

  @JsonPropertyDescription("Namespaces whose labels match are published into too, including ones created later.")
  private LabelSelector namespaceSelector;

  public TrustBundleKind getKind() {
    return kind;
  }

  public void setKind(TrustBundleKind kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public List<String> getNamespaces() {
    return namespaces;
  }

  public void setNamespaces(List<String> namespaces) {
    this.namespaces = namespaces;
  }

  public LabelSelector getNamespaceSelector() {
    return namespaceSelector;
  }

  public void setNamespaceSelector(LabelSelector namespaceSelector) {
    this.namespaceSelector = namespaceSelector;
  }
}
