package io.mtlsoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** Spec fields that both kinds share: when to renew, the private key, and what deletion does to the Secret. */
public abstract class RenewableSpec {

  @Pattern(ApiGroup.DURATION_PATTERN)
  @JsonPropertyDescription("Renew this long before expiry, e.g. 360h. Default: after two thirds of the lifetime.")
  private String renewBefore;

  @Min(1)
  @Max(99)
  @JsonPropertyDescription("Renew when this percentage of the lifetime remains, 1 to 99.")
  private Integer renewBeforePercentage;

  @JsonPropertyDescription("Private key settings.")
  private PrivateKeySpec privateKey;

  @JsonPropertyDescription("Keeps the Secret when this resource is deleted; by default the Secret is deleted with it.")
  private boolean keepSecretOnDeletion;

  public String getRenewBefore() {
    return renewBefore;
  }

  public void setRenewBefore(String renewBefore) {
    this.renewBefore = renewBefore;
  }

  public Integer getRenewBeforePercentage() {
    return renewBeforePercentage;
  }

  public void setRenewBeforePercentage(Integer renewBeforePercentage) {
    this.renewBeforePercentage = renewBeforePercentage;
  }

  public PrivateKeySpec getPrivateKey() {
    return privateKey;
  }

  public void setPrivateKey(PrivateKeySpec privateKey) {
    this.privateKey = privateKey;
  }

  public boolean isKeepSecretOnDeletion() {
    return keepSecretOnDeletion;
  }

  public void setKeepSecretOnDeletion(boolean keepSecretOnDeletion) {
    this.keepSecretOnDeletion = keepSecretOnDeletion;
  }
}
