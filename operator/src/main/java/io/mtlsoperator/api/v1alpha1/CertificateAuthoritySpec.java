package io.mtlsoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Desired authority: its kind (root, intermediate or import) and the shape of its certificate. */
@ValidationRule(value = "[has(self.selfSigned), has(self.issuerRef), has(self.__import__)].filter(x, x).size() == 1",
    message = "set exactly one of selfSigned, issuerRef or import")
@ValidationRule(value = "!has(self.renewBefore) || !has(self.renewBeforePercentage)",
    message = "set renewBefore or renewBeforePercentage, not both")
@ValidationRule(value = "!has(self.renewBefore) || duration(self.renewBefore) < duration(self.duration)",
    message = "renewBefore must be shorter than duration")
@ValidationRule(value = "duration(self.duration) >= duration('5m')",
    message = "duration must be at least 5m")
@ValidationRule(value = "!has(self.__import__) || (!has(self.subject) && !has(self.maxPathLength) && !has(self.nameConstraints))",
    message = "an imported authority keeps its own subject, path length and name constraints: remove subject, "
        + "maxPathLength and nameConstraints")
public class CertificateAuthoritySpec extends RenewableSpec {

  @JsonPropertyDescription("Makes this authority a self-signed root CA.")
  private SelfSigned selfSigned;

  @JsonPropertyDescription("Makes this authority an intermediate CA signed by another CertificateAuthority.")
  private ObjectReference issuerRef;

  @JsonProperty("import")
  @JsonPropertyDescription("Uses an existing CA from a Secret instead of creating one.")
  private ImportSource importSource;

  @JsonPropertyDescription("Subject of the CA certificate; commonName defaults to the resource name.")
  private Subject subject;

  @Default("43800h")
  @Pattern(ApiGroup.DURATION_PATTERN)
  @JsonPropertyDescription("Lifetime of the CA certificate as a Go duration, e.g. 87600h; default 43800h (5 years). "
      + "An intermediate never outlives its issuer.")
  private String duration = "43800h";

  @Default("2m")
  @Pattern(ApiGroup.DURATION_PATTERN)
  @JsonPropertyDescription("After a renewal with a new key, how long the new CA certificate is published in ca.crt "
      + "and trust bundles before it signs anything, so that every workload trusts it before meeting certificates "
      + "it signed. It should exceed the time a Secret update takes to reach mounted files (about a minute with "
      + "default kubelet settings). Default 2m.")
  private String trustPropagationDelay = "2m";

  @Min(0)
  @Max(10)
  @JsonPropertyDescription("How many intermediate CAs may follow this one (basicConstraints pathLen); unset means no limit.")
  private Integer maxPathLength;

  @JsonPropertyDescription("Name constraints written into the CA certificate and enforced when issuing.")
  private NameConstraintsSpec nameConstraints;

  @Size(min = 1, max = 253)
  @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
  @JsonPropertyDescription("Secret that holds the CA certificate (tls.crt), its key (tls.key) and the root (ca.crt); "
      + "default <name>-ca.")
  private String secretName;

  @JsonPropertyDescription("Namespaces besides this one that may issue from this authority; default none.")
  private AllowedNamespaces allowedNamespaces;

  @Size(max = 20)
  @JsonPropertyDescription("ConfigMaps or Secrets in other namespaces that receive the trust anchors (current, "
      + "pending and previous CA certificates) and follow every rotation.")
  private java.util.List<TrustBundleTarget> trustBundles;

  public java.util.List<TrustBundleTarget> getTrustBundles() {
    return trustBundles;
  }

  public void setTrustBundles(java.util.List<TrustBundleTarget> trustBundles) {
    this.trustBundles = trustBundles;
  }

  public SelfSigned getSelfSigned() {
    return selfSigned;
  }

  public void setSelfSigned(SelfSigned selfSigned) {
    this.selfSigned = selfSigned;
  }

  public ObjectReference getIssuerRef() {
    return issuerRef;
  }

  public void setIssuerRef(ObjectReference issuerRef) {
    this.issuerRef = issuerRef;
  }

  public ImportSource getImportSource() {
    return importSource;
  }

  public void setImportSource(ImportSource importSource) {
    this.importSource = importSource;
  }

  public Subject getSubject() {
    return subject;
  }

  public void setSubject(Subject subject) {
    this.subject = subject;
  }

  public String getDuration() {
    return duration;
  }

  public void setDuration(String duration) {
    this.duration = duration;
  }

  public String getTrustPropagationDelay() {
    return trustPropagationDelay;
  }

  public void setTrustPropagationDelay(String trustPropagationDelay) {
    this.trustPropagationDelay = trustPropagationDelay;
  }

  public Integer getMaxPathLength() {
    return maxPathLength;
  }

  public void setMaxPathLength(Integer maxPathLength) {
    this.maxPathLength = maxPathLength;
  }

  public NameConstraintsSpec getNameConstraints() {
    return nameConstraints;
  }

  public void setNameConstraints(NameConstraintsSpec nameConstraints) {
    this.nameConstraints = nameConstraints;
  }

  public String getSecretName() {
    return secretName;
  }

  public void setSecretName(String secretName) {
    this.secretName = secretName;
  }

  public AllowedNamespaces getAllowedNamespaces() {
    return allowedNamespaces;
  }

  public void setAllowedNamespaces(AllowedNamespaces allowedNamespaces) {
    this.allowedNamespaces = allowedNamespaces;
  }
}
