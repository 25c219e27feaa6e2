package io.mtlsoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** Distinguished name fields of a certificate's subject. */
public class Subject {

  @Size(min = 1, max = 64)
  @JsonPropertyDescription("Common name (CN). At most 64 characters, as RFC 5280 allows.")
  private String commonName;

  @Size(max = 10)
  @JsonPropertyDescription("Organizations (O).")
  private List<String> organizations;

  @Size(max = 10)
  @JsonPropertyDescription("Organizational units (OU).")
  private List<String> organizationalUnits;

  @Size(max = 10)
  @JsonPropertyDescription("Countries (C), as two-letter codes.")
  private List<String> countries;

  @Size(max = 10)
  @JsonPropertyDescription("Localities (L).")
  private List<String> localities;

  @Size(max = 10)
  @JsonPropertyDescription("Provinces or states (ST).")
  private List<String> provinces;

  public String getCommonName() {
    return commonName;
  }

  public void setCommonName(String commonName) {
    this.commonName = commonName;
  }

  public List<String> getOrganizations() {
    return organizations;
  }

  public void setOrganizations(List<String> organizations) {
    this.organizations = organizations;
  }

  public List<String> getOrganizationalUnits() {
    return organizationalUnits;
  }

  public void setOrganizationalUnits(List<String> organizationalUnits) {
    this.organizationalUnits = organizationalUnits;
  }

  public List<String> getCountries() {
    return countries;
  }

  public void setCountries(List<String> countries) {
    this.countries = countries;
  }

  public List<String> getLocalities() {
    return localities;
  }

  public void setLocalities(List<String> localities) {
    this.localities = localities;
  }

  public List<String> getProvinces() {
    return provinces;
  }

  public void setProvinces(List<String> provinces) {
    this.provinces = provinces;
  }
}
