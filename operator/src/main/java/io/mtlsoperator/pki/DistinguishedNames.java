package io.mtlsoperator.pki;

import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Builds subject distinguished names within the upper bounds of RFC 5280 appendix A
 * (ub-common-name 64, ub-organization-name 64, ub-locality-name 128, ...). Bouncy Castle
 * encodes countryName as PrintableString and the other attributes as UTF8String.
 */
final class DistinguishedNames {

    static final int MAX_COMMON_NAME_LENGTH = 64;
    private static final int MAX_ORGANIZATION_LENGTH = 64;
    private static final int MAX_ORGANIZATIONAL_UNIT_LENGTH = 64;
    private static final int MAX_LOCALITY_LENGTH = 128;
    private static final int MAX_PROVINCE_LENGTH = 128;

    private DistinguishedNames() {
    }

    /** Builds a CA subject; RFC 5280 requires a non-empty subject for a CA. */
    static X500Name forCa(SubjectName subject) {
        if (subject.isEmpty()) {
            throw new PkiException("subject is empty: a CA certificate needs a subject, for example a commonName");
        }
        return build(subject, subject.commonName());
    }

    /**
     * Builds a leaf subject. Without a commonName, the first DNS name becomes the commonName if it
     * fits in 64 characters. A longer name is left out of the subject, because the SANs carry it.
     */
    static X500Name forLeaf(SubjectName subject, SubjectAlternativeNames normalizedNames) {
        String commonName = subject.commonName();
        if (commonName == null && !normalizedNames.dnsNames().isEmpty()) {
            String derived = normalizedNames.dnsNames().get(0);
            if (derived.length() <= MAX_COMMON_NAME_LENGTH) {
                commonName = derived;
            }
        }
        return build(subject, commonName);
    }

    static boolean isEmpty(X500Name name) {
        return name.getRDNs().length == 0;
    }

    private static X500Name build(SubjectName subject, String commonName) {
        if (subject.commonName() != null) {
            requireCommonNameFits(subject.commonName());
        }
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        for (int i = 0; i < subject.countries().size(); i++) {
            builder.addRDN(BCStyle.C, country(subject.countries().get(i), i));
        }
        add(builder, BCStyle.ST, subject.provinces(), "provinces", MAX_PROVINCE_LENGTH);
        add(builder, BCStyle.L, subject.localities(), "localities", MAX_LOCALITY_LENGTH);
        add(builder, BCStyle.O, subject.organizations(), "organizations", MAX_ORGANIZATION_LENGTH);
        add(builder, BCStyle.OU, subject.organizationalUnits(), "organizationalUnits", MAX_ORGANIZATIONAL_UNIT_LENGTH);
        if (commonName != null) {
            builder.addRDN(BCStyle.CN, commonName);
        }
        return builder.build();
    }

    private static void requireCommonNameFits(String commonName) {
        if (commonName.isBlank()) {
            throw new PkiException("commonName is blank: set a name or leave it unset");
        }
        int length = commonName.codePointCount(0, commonName.length());
        if (length > MAX_COMMON_NAME_LENGTH) {
            throw new PkiException("commonName is " + length + " characters long, but X.509 allows at most "
                    + MAX_COMMON_NAME_LENGTH + " (ub-common-name in RFC 5280): shorten it, or leave it unset "
                    + "and let the subject alternative names carry the name");
        }
    }

    private static void add(X500NameBuilder builder, ASN1ObjectIdentifier type, List<String> values, String field, int maxLength) {
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value.isBlank()) {
                throw new PkiException(field + "[" + i + "] is blank");
            }
            int length = value.codePointCount(0, value.length());
            if (length > maxLength) {
                throw new PkiException(field + "[" + i + "] is " + length + " characters long, but X.509 allows at most "
                        + maxLength);
            }
            builder.addRDN(type, value);
        }
    }

    private static String country(String value, int index) {
        if (!value.matches("[A-Za-z]{2}")) {
            throw new PkiException("countries[" + index + "] \"" + value
                    + "\" is not a two-letter ISO 3166 country code, such as DE or US");
        }
        return value.toUpperCase(Locale.ROOT);
    }

    /** Returns the first commonName of the name, or an empty string when it has none. */
    static String commonNameOf(X500Name name) {
        RDN[] rdns = name.getRDNs(BCStyle.CN);
        if (rdns.length == 0) {
            return "";
        }
        return rdns[0].getFirst().getValue().toString();
    }
}
