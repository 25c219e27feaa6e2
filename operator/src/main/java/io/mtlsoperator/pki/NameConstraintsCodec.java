package io.mtlsoperator.pki;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;

/** Converts {@link NameConstraints} to and from the X.509 nameConstraints extension. */
final class NameConstraintsCodec {

    private NameConstraintsCodec() {
    }

    /** Encodes normalised constraints; RFC 5280 forbids empty subtree lists, so an empty side is left out. */
    static org.bouncycastle.asn1.x509.NameConstraints encode(NameConstraints normalized) {
        List<GeneralSubtree> permitted = new ArrayList<>();
        List<GeneralSubtree> excluded = new ArrayList<>();
        addDomains(permitted, GeneralName.dNSName, normalized.permittedDnsDomains());
        addDomains(excluded, GeneralName.dNSName, normalized.excludedDnsDomains());
        addRanges(permitted, normalized.permittedIpRanges());
        addRanges(excluded, normalized.excludedIpRanges());
        addDomains(permitted, GeneralName.uniformResourceIdentifier, normalized.permittedUriDomains());
        addDomains(excluded, GeneralName.uniformResourceIdentifier, normalized.excludedUriDomains());
        return new org.bouncycastle.asn1.x509.NameConstraints(
                permitted.isEmpty() ? null : permitted.toArray(GeneralSubtree[]::new),
                excluded.isEmpty() ? null : excluded.toArray(GeneralSubtree[]::new));
    }

    /** Returns the nameConstraints extension of a certificate, if it has one. */
    static Optional<org.bouncycastle.asn1.x509.NameConstraints> read(X509Certificate certificate) {
        byte[] extensionValue = certificate.getExtensionValue(Extension.nameConstraints.getId());
        if (extensionValue == null) {
            return Optional.empty();
        }
        try {
            byte[] der = ASN1OctetString.getInstance(extensionValue).getOctets();
            return Optional.of(org.bouncycastle.asn1.x509.NameConstraints.getInstance(der));
        } catch (IllegalArgumentException e) {
            throw new PkiException("the nameConstraints extension of \"" + certificate.getSubjectX500Principal().getName()
                    + "\" is malformed", e);
        }
    }

    /** Describes subtrees for messages, for example {@code DNS example.com, IP 10.0.0.0/8}. */
    static List<String> describe(GeneralSubtree[] subtrees, int tagNo) {
        List<String> result = new ArrayList<>();
        if (subtrees == null) {
            return result;
        }
        for (GeneralSubtree subtree : subtrees) {
            GeneralName base = subtree.getBase();
            if (base.getTagNo() == tagNo) {
                result.add(describe(base));
            }
        }
        return result;
    }

    static String describe(GeneralName name) {
        return switch (name.getTagNo()) {
            case GeneralName.iPAddress -> describeAddressAndMask(ASN1OctetString.getInstance(name.getName()).getOctets());
            case GeneralName.directoryName -> X500Name.getInstance(name.getName()).toString();
            default -> name.getName().toString();
        };
    }

    static String typeName(int tagNo) {
        return switch (tagNo) {
            case GeneralName.dNSName -> "DNS";
            case GeneralName.iPAddress -> "IP";
            case GeneralName.uniformResourceIdentifier -> "URI";
            case GeneralName.rfc822Name -> "e-mail";
            case GeneralName.directoryName -> "directory name";
            default -> "name type " + tagNo;
        };
    }

    private static void addDomains(List<GeneralSubtree> subtrees, int tagNo, List<String> domains) {
        for (String domain : domains) {
            subtrees.add(new GeneralSubtree(new GeneralName(tagNo, domain)));
        }
    }

    private static void addRanges(List<GeneralSubtree> subtrees, List<String> ranges) {
        for (String range : ranges) {
            byte[] addressAndMask = IpAddresses.parseRange(range).addressAndMask();
            subtrees.add(new GeneralSubtree(new GeneralName(GeneralName.iPAddress, new DEROctetString(addressAndMask))));
        }
    }

    /** Describes an IP SAN (4 or 16 bytes) or an iPAddress constraint (address and mask, 8 or 32 bytes). */
    private static String describeAddressAndMask(byte[] octets) {
        if (octets.length == 4 || octets.length == 16) {
            return IpAddresses.format(octets);
        }
        if (octets.length != 8 && octets.length != 32) {
            return "malformed IP address of " + octets.length + " bytes";
        }
        int half = octets.length / 2;
        byte[] address = new byte[half];
        System.arraycopy(octets, 0, address, 0, half);
        int prefixLength = 0;
        for (int i = half; i < octets.length; i++) {
            prefixLength += Integer.bitCount(octets[i] & 0xff);
        }
        return IpAddresses.format(address) + "/" + prefixLength;
    }
}
