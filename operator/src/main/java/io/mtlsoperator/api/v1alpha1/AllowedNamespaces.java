package io.mtlsoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;

/** Namespaces besides its own whose resources may issue from an authority. */
public class AllowedNamespaces {

  @Size(max = 100)
  @JsonPropertyDescription("Namespace names that may issue from this authority.")
  private List<String> names;

  @JsonPropertyDescription("Namespaces whose labels match this selector may issue from this authority.")
  private LabelSelector selector;

  public List<String> getNames() {
    return names;
  }

  public void setNames(List<String> names) {
    this.names = names;
  }

  public LabelSelector getSelector() {
    return selector;
  }

  public void setSelector(LabelSelector selector) {
    this.selector = selector;
  }
}
