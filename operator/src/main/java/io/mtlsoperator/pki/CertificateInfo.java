package io.mtlsoperator.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * A read-only view of a certificate with the fields the operator compares with a spec to decide
 * whether to re-issue. Names are normalised like {@link SubjectAlternativeNames#normalized()}.
 */
public final class CertificateInfo {

    private final X509Certificate certificate;
    private final String commonName;
    private final SubjectAlternativeNames names;

    private CertificateInfo(X509Certificate certificate, String commonName, SubjectAlternativeNames names) {
        this.certificate = certificate;
        this.commonName = commonName;
        this.names = names;
    }

    public static CertificateInfo of(X509Certificate certificate) {
        String commonName = DistinguishedNames.commonNameOf(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()));
        return new CertificateInfo(certificate, commonName, readNames(certificate));
    }

    private static SubjectAlternativeNames readNames(X509Certificate certificate) {
        byte[] sanExtension = certificate.getExtensionValue(Extension.subjectAlternativeName.getId());
        if (sanExtension == null) {
            return SubjectAlternativeNames.none();
        }
        try {
            return AlternativeNames.decode(GeneralNames.getInstance(ASN1OctetString.getInstance(sanExtension).getOctets()));
        } catch (IllegalArgumentException e) {
            throw new PkiException("the subjectAlternativeName extension of \""
                    + certificate.getSubjectX500Principal().getName() + "\" is malformed", e);
        }
    }

    /** Returns the first commonName of the subject, or an empty string when the subject has none. */
    public String commonName() {
        return commonName;
    }

    public List<String> dnsNames() {
        return names.dnsNames();
    }

    /** Returns the IP address SANs in canonical text form, as {@link Names#canonicalIpAddress} writes them. */
    public List<String> ipAddresses() {
        return names.ipAddresses();
    }

    public List<String> uris() {
        return names.uris();
    }

    public List<String> emailAddresses() {
        return names.emailAddresses();
    }

    /** Returns the usage that the extendedKeyUsage extension grants, or empty without serverAuth and clientAuth. */
    public Optional<CertificateUsage> usage() {
        List<String> purposes;
        try {
            purposes = certificate.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            throw new PkiException("the extendedKeyUsage extension of \"" + certificate.getSubjectX500Principal().getName()
                    + "\" is malformed", e);
        }
        if (purposes == null) {
            return Optional.empty();
        }
        boolean server = purposes.contains(KeyPurposeId.id_kp_serverAuth.getId());
        boolean client = purposes.contains(KeyPurposeId.id_kp_clientAuth.getId());
        if (server && client) {
            return Optional.of(CertificateUsage.SERVER_AND_CLIENT);
        }
        if (server) {
            return Optional.of(CertificateUsage.SERVER);
        }
        if (client) {
            return Optional.of(CertificateUsage.CLIENT);
        }
        return Optional.empty();
    }

    /**
     * Returns the algorithm and size of the certificate's key.
     *
     * @throws PkiException for a key the operator does not issue, such as RSA 1024
     */
    public KeySpec keySpec() {
        return KeySpec.of(certificate.getPublicKey());
    }

    public Instant notBefore() {
        return certificate.getNotBefore().toInstant();
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /**
     * Returns the serial number in upper-case hex with an even number of digits, as
     * {@code openssl x509 -noout -serial} prints it.
     */
    public String serialNumberHex() {
        String hex = certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
        return hex.length() % 2 == 0 ? hex : "0" + hex;
    }

    /** Returns the SHA-256 hash of the DER certificate in upper-case hex pairs separated by colons. */
    public String sha256Fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new PkiException("computing the SHA-256 fingerprint failed: " + e.getMessage(), e);
        }
    }

    public boolean isCa() {
        return certificate.getBasicConstraints() >= 0;
    }

    public X509Certificate certificate() {
        return certificate;
    }
}
