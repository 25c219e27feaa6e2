package io.mtlsoperator.pki;

import java.util.List;

/**
 * Subject alternative names of a leaf certificate. Null lists are taken as empty. The values may
 * be un-normalised; {@link #normalized()} returns the form that the issuer writes and that
 * {@link CertificateInfo} reads back.
 */
public record SubjectAlternativeNames(
        List<String> dnsNames, List<String> ipAddresses, List<String> uris, List<String> emailAddresses) {

    public SubjectAlternativeNames {
        dnsNames = Lists.copyOf(dnsNames, "dnsNames");
        ipAddresses = Lists.copyOf(ipAddresses, "ipAddresses");
        uris = Lists.copyOf(uris, "uris");
        emailAddresses = Lists.copyOf(emailAddresses, "emailAddresses");
    }

    public static SubjectAlternativeNames none() {
        return new SubjectAlternativeNames(null, null, null, null);
    }

    public static SubjectAlternativeNames ofDnsNames(String... dnsNames) {
        return new SubjectAlternativeNames(List.of(dnsNames), null, null, null);
    }

    public boolean isEmpty() {
        return dnsNames.isEmpty() && ipAddresses.isEmpty() && uris.isEmpty() && emailAddresses.isEmpty();
    }

    /**
     * Returns the names normalised by {@link Names}, in their original order without duplicates.
     *
     * @throws PkiException naming the field and index of the first invalid name
     */
    public SubjectAlternativeNames normalized() {
        return new SubjectAlternativeNames(
                Lists.normalize(dnsNames, "dnsNames", Names::normalizeDnsName),
                Lists.normalize(ipAddresses, "ipAddresses", IpAddresses::canonicalSanAddress),
                Lists.normalize(uris, "uris", Names::normalizeUri),
                Lists.normalize(emailAddresses, "emailAddresses", Names::normalizeEmailAddress));
    }
}
