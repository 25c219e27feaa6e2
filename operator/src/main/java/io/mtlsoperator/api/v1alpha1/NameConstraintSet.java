package io.mtlsoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** DNS domains, IP ranges and URI domains of one side (permitted or excluded) of name constraints. */
public class NameConstraintSet {

  @Size(max = 50)
  @JsonPropertyDescription("DNS domains, e.g. example.com (matches example.com and every name below it).")
  private List<@Size(max = 253) String> dnsDomains;

  @Size(max = 50)
  @ValidationRule(value = "self.all(r, isCIDR(r))", message = "ipRanges must be CIDR ranges such as 10.0.0.0/8 or fd00::/8")
  @JsonPropertyDescription("IP ranges in CIDR notation, e.g. 10.0.0.0/8.")
  private List<@Size(max = 43) String> ipRanges;

  @Size(max = 50)
  @JsonPropertyDescription("URI host domains, e.g. cluster.local for spiffe://cluster.local/ns/...")
  private List<@Size(max = 253) String> uriDomains;

  public List<String> getDnsDomains() {
    return dnsDomains;
  }

  public void setDnsDomains(List<String> dnsDomains) {
    this.dnsDomains = dnsDomains;
  }

  public List<String> getIpRanges() {
    return ipRanges;
  }

  public void setIpRanges(List<String> ipRanges) {
    this.ipRanges = ipRanges;
  }

  public List<String> getUriDomains() {
    return uriDomains;
  }

  public void setUriDomains(List<String> uriDomains) {
    this.uriDomains = uriDomains;
  }
}
