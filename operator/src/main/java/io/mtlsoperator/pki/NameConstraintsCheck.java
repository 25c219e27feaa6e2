package io.mtlsoperator.pki;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraintValidatorException;
import org.bouncycastle.asn1.x509.PKIXNameConstraintValidator;

/**
 * Checks the names of a certificate against the name constraints of CAs above it: the issuer uses
 * it on every CA of the issuing chain, the root included, before it signs a leaf. The matching
 * itself is Bouncy Castle's {@link PKIXNameConstraintValidator}.
 */
final class NameConstraintsCheck {

    private static final String COMMON_NAME_HINT = ". Java peers check the commonName as a host name or IP "
            + "address when the certificate has no SAN of that type, so add such a SAN inside the constraints "
            + "or use a commonName that is neither";

    private NameConstraintsCheck() {
    }

    /**
     * Throws {@link PkiException} naming the first name outside a CA's constraints and the constraint.
     *
     * @param subject the leaf's subject, checked against directoryName constraints
     * @param names the leaf's normalised subject alternative names
     * @param cas the CAs whose constraints apply, for example the issuing chain
     */
    static void checkLeaf(X500Name subject, SubjectAlternativeNames names, List<X509Certificate> cas) {
        List<NamedValue> leafNames = leafNames(subject, names);
        for (X509Certificate ca : cas) {
            NameConstraintsCodec.read(ca).ifPresent(constraints -> check(subject, leafNames, ca, constraints));
        }
    }

    private record NamedValue(String field, GeneralName name) {
    }

    private static List<NamedValue> leafNames(X500Name subject, SubjectAlternativeNames names) {
        List<NamedValue> result = new ArrayList<>();
        names.dnsNames().forEach(name -> result.add(new NamedValue("dnsNames", new GeneralName(GeneralName.dNSName, name))));
        names.ipAddresses().forEach(ip -> result.add(new NamedValue("ipAddresses", AlternativeNames.ipAddress(ip))));
        names.uris().forEach(uri -> result.add(new NamedValue("uris",
                new GeneralName(GeneralName.uniformResourceIdentifier, uri))));
        names.emailAddresses().forEach(email -> result.add(new NamedValue("emailAddresses",
                new GeneralName(GeneralName.rfc822Name, email))));
        // The JDK's PKIX (sun.security.x509.NameConstraintsExtension) checks the commonName as an IP
        // address when the certificate has no IP SAN, and as a DNS name when it has no DNS SAN, even
        // a single label such as "alice". OpenSSL checks a commonName that contains a dot the same way.
        // A certificate that passes here must pass there too.
        String commonName = DistinguishedNames.commonNameOf(subject);
        if (!commonName.isEmpty()) {
            if (Names.isIpAddress(commonName)) {
                if (names.ipAddresses().isEmpty()) {
                    result.add(new NamedValue("commonName", AlternativeNames.ipAddress(commonName)));
                }
            } else if (names.dnsNames().isEmpty() && isPlainDnsName(commonName)) {
                result.add(new NamedValue("commonName",
                        new GeneralName(GeneralName.dNSName, commonName.toLowerCase(Locale.ROOT))));
            }
        }
        return result;
    }

    /** Returns whether the text is a DNS name without wildcard, which the JDK's DNSName parser accepts too. */
    private static boolean isPlainDnsName(String text) {
        if (text.indexOf('*') >= 0 || !text.chars().allMatch(c -> c < 0x80)) {
            return false;
        }
        try {
            Names.normalizeDnsName(text);
            return true;
        } catch (PkiException e) {
            return false;
        }
    }

    private static void check(X500Name subject, List<NamedValue> leafNames, X509Certificate ca,
            org.bouncycastle.asn1.x509.NameConstraints constraints) {
        PKIXNameConstraintValidator validator = new PKIXNameConstraintValidator();
        GeneralSubtree[] permitted = constraints.getPermittedSubtrees();
        GeneralSubtree[] excluded = constraints.getExcludedSubtrees();
        if (permitted != null) {
            validator.intersectPermittedSubtree(permitted);
        }
        if (excluded != null) {
            for (GeneralSubtree subtree : excluded) {
                validator.addExcludedSubtree(subtree);
            }
        }
        String caName = ca.getSubjectX500Principal().getName();
        if (!DistinguishedNames.isEmpty(subject)) {
            try {
                validator.checkPermittedDN(subject);
                validator.checkExcludedDN(subject);
            } catch (NameConstraintValidatorException e) {
                throw new PkiException("the subject \"" + subject + "\" is outside the directory name constraints of CA \""
                        + caName + "\"");
            }
        }
        for (NamedValue leafName : leafNames) {
            int tagNo = leafName.name().getTagNo();
            String prefix = leafName.field() + " \"" + NameConstraintsCodec.describe(leafName.name())
                    + "\" is outside the name constraints of CA \"" + caName + "\": ";
            String hint = leafName.field().equals("commonName") ? COMMON_NAME_HINT : "";
            try {
                validator.checkPermitted(leafName.name());
            } catch (NameConstraintValidatorException e) {
                throw new PkiException(prefix + "the permitted " + NameConstraintsCodec.typeName(tagNo) + " subtrees are "
                        + NameConstraintsCodec.describe(permitted, tagNo) + hint);
            }
            try {
                validator.checkExcluded(leafName.name());
            } catch (NameConstraintValidatorException e) {
                throw new PkiException(prefix + "it is within the excluded " + NameConstraintsCodec.typeName(tagNo)
                        + " subtrees " + NameConstraintsCodec.describe(excluded, tagNo) + hint);
            }
        }
    }
}
