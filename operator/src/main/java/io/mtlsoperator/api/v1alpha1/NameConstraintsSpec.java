package io.mtlsoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** RFC 5280 name constraints that every certificate below the authority must meet. */
public class NameConstraintsSpec {

  @JsonPropertyDescription("Names that certificates below this authority may carry; others are rejected.")
  private NameConstraintSet permitted;

  @JsonPropertyDescription("Names that certificates below this authority must not carry.")
  private NameConstraintSet excluded;

  public NameConstraintSet getPermitted() {
    return permitted;
  }

  public void setPermitted(NameConstraintSet permitted) {
    this.permitted = permitted;
  }

  public NameConstraintSet getExcluded() {
    return excluded;
  }

  public void setExcluded(NameConstraintSet excluded) {
    this.excluded = excluded;
  }
}
