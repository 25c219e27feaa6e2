package io.mtlsoperator.pki;

import java.util.List;

/**
 * Name constraints of a CA (RFC 5280 section 4.2.1.10): DNS domains, IP ranges in CIDR notation
 * and URI host domains that names in certificates below the CA must be within (permitted) or
 * must avoid (excluded). A domain "example.com" covers the domain and its subdomains, while
 * ".example.com" covers only the subdomains. Null lists are taken as empty.
 */
public record NameConstraints(
        List<String> permittedDnsDomains,
        List<String> excludedDnsDomains,
        List<String> permittedIpRanges,
        List<String> excludedIpRanges,
        List<String> permittedUriDomains,
        List<String> excludedUriDomains) {

    public NameConstraints {
        permittedDnsDomains = Lists.copyOf(permittedDnsDomains, "permittedDnsDomains");
        excludedDnsDomains = Lists.copyOf(excludedDnsDomains, "excludedDnsDomains");
        permittedIpRanges = Lists.copyOf(permittedIpRanges, "permittedIpRanges");
        excludedIpRanges = Lists.copyOf(excludedIpRanges, "excludedIpRanges");
        permittedUriDomains = Lists.copyOf(permittedUriDomains, "permittedUriDomains");
        excludedUriDomains = Lists.copyOf(excludedUriDomains, "excludedUriDomains");
    }

    public static NameConstraints none() {
        return new NameConstraints(null, null, null, null, null, null);
    }

    public boolean isEmpty() {
        return permittedDnsDomains.isEmpty()
                && excludedDnsDomains.isEmpty()
                && permittedIpRanges.isEmpty()
                && excludedIpRanges.isEmpty()
                && permittedUriDomains.isEmpty()
                && excludedUriDomains.isEmpty();
    }

    /**
     * Returns the constraints in normal form: domains as {@link Names#normalizeDnsName} writes
     * them (keeping a leading dot), ranges as network address and prefix length.
     *
     * @throws PkiException naming the field and index of the first invalid entry
     */
    public NameConstraints normalized() {
        return new NameConstraints(
                Lists.normalize(permittedDnsDomains, "permittedDnsDomains", Names::normalizeConstraintDomain),
                Lists.normalize(excludedDnsDomains, "excludedDnsDomains", Names::normalizeConstraintDomain),
                Lists.normalize(permittedIpRanges, "permittedIpRanges", range -> IpAddresses.parseRange(range).canonical()),
                Lists.normalize(excludedIpRanges, "excludedIpRanges", range -> IpAddresses.parseRange(range).canonical()),
                Lists.normalize(permittedUriDomains, "permittedUriDomains", Names::normalizeConstraintDomain),
                Lists.normalize(excludedUriDomains, "excludedUriDomains", Names::normalizeConstraintDomain));
    }
}
