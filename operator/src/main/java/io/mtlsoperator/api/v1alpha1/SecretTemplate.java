package io.mtlsoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/** Extra metadata for the certificate's Secret. */
public class SecretTemplate {

  @JsonPropertyDescription("Labels added to the Secret.")
  private Map<String, String> labels;

  @JsonPropertyDescription("Annotations added to the Secret.")
  private Map<String, String> annotations;

  public Map<String, String> getLabels() {
    return labels;
  }

  public void setLabels(Map<String, String> labels) {
    this.labels = labels;
  }

  public Map<String, String> getAnnotations() {
    return annotations;
  }

  public void setAnnotations(Map<String, String> annotations) {
    this.annotations = annotations;
  }
}
