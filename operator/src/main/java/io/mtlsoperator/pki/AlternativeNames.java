package io.mtlsoperator.pki;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/** Converts {@link SubjectAlternativeNames} to and from X.509 GeneralNames. */
final class AlternativeNames {

    private AlternativeNames() {
    }

    /** Encodes normalised names in the order DNS, IP, URI, e-mail. */
    static GeneralNames encode(SubjectAlternativeNames normalized) {
        List<GeneralName> names = new ArrayList<>();
        normalized.dnsNames().forEach(name -> names.add(new GeneralName(GeneralName.dNSName, name)));
        normalized.ipAddresses().forEach(ip -> names.add(ipAddress(ip)));
        normalized.uris().forEach(uri -> names.add(new GeneralName(GeneralName.uniformResourceIdentifier, uri)));
        normalized.emailAddresses().forEach(email -> names.add(new GeneralName(GeneralName.rfc822Name, email)));
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    /**
     * Decodes the names of a certificate and normalises them, so that they compare equal with a
     * normalised spec. A name that does not normalise, as may happen in an imported certificate,
     * is kept as it is written; other name types are ignored.
     */
    static SubjectAlternativeNames decode(GeneralNames generalNames) {
        List<String> dnsNames = new ArrayList<>();
        List<String> ipAddresses = new ArrayList<>();
        List<String> uris = new ArrayList<>();
        List<String> emailAddresses = new ArrayList<>();
        for (GeneralName name : generalNames.getNames()) {
            switch (name.getTagNo()) {
                case GeneralName.dNSName -> dnsNames.add(normalizeOrKeep(name.getName().toString(), Names::normalizeDnsName));
                case GeneralName.iPAddress -> {
                    byte[] octets = ASN1OctetString.getInstance(name.getName()).getOctets();
                    if (octets.length == 4 || octets.length == 16) {
                        ipAddresses.add(IpAddresses.format(octets));
                    }
                }
                case GeneralName.uniformResourceIdentifier -> uris.add(normalizeOrKeep(name.getName().toString(), Names::normalizeUri));
                case GeneralName.rfc822Name -> emailAddresses.add(
                        normalizeOrKeep(name.getName().toString(), Names::normalizeEmailAddress));
                default -> {
                    // otherName, directoryName and the rest have no field in SubjectAlternativeNames.
                }
            }
        }
        return new SubjectAlternativeNames(dnsNames, ipAddresses, uris, emailAddresses);
    }

    static GeneralName ipAddress(String ip) {
        return new GeneralName(GeneralName.iPAddress, new DEROctetString(IpAddresses.parse(ip)));
    }

    private static String normalizeOrKeep(String value, java.util.function.UnaryOperator<String> normalizer) {
        try {
            return normalizer.apply(value);
        } catch (PkiException e) {
            return value;
        }
    }
}
