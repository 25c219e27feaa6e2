package io.mtlsoperator.pki;

import java.util.List;

/**
 * Distinguished name attributes of a certificate subject. Null lists are taken as empty, and a
 * null or empty commonName as unset.
 */
public record SubjectName(
        String commonName,
        List<String> organizations,
        List<String> organizationalUnits,
        List<String> countries,
        List<String> localities,
        List<String> provinces) {

    public SubjectName {
        commonName = commonName == null || commonName.isEmpty() ? null : commonName;
        organizations = Lists.copyOf(organizations, "organizations");
        organizationalUnits = Lists.copyOf(organizationalUnits, "organizationalUnits");
        countries = Lists.copyOf(countries, "countries");
        localities = Lists.copyOf(localities, "localities");
        provinces = Lists.copyOf(provinces, "provinces");
    }

    public static SubjectName ofCommonName(String commonName) {
        return new SubjectName(commonName, null, null, null, null, null);
    }

    public static SubjectName empty() {
        return new SubjectName(null, null, null, null, null, null);
    }

    /** Returns whether no attribute is set. */
    public boolean isEmpty() {
        return commonName == null
                && organizations.isEmpty()
                && organizationalUnits.isEmpty()
                && countries.isEmpty()
                && localities.isEmpty()
                && provinces.isEmpty();
    }
}
