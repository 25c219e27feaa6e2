package io.mtlsoperator.pki;

import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/** The values of the X.509 v3 extensions the issuer writes (RFC 5280 section 4.2). */
final class CertificateExtensions {

    private CertificateExtensions() {
    }

    static BasicConstraints caBasicConstraints(Integer maxPathLength) {
        if (maxPathLength == null) {
            return new BasicConstraints(true);
        }
        if (maxPathLength < 0) {
            throw new PkiException("maxPathLength must be 0 or more, but is " + maxPathLength);
        }
        return new BasicConstraints(maxPathLength);
    }

    static BasicConstraints leafBasicConstraints() {
        return new BasicConstraints(false);
    }

    static KeyUsage caKeyUsage() {
        return new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign);
    }

    /**
     * Returns digitalSignature for every leaf, plus keyEncipherment for an RSA key that may serve
     * TLS: TLS 1.2 RSA key exchange encrypts to the server's key. RFC 5280 section 4.2.1.12 lists
     * only digitalSignature and keyAgreement as consistent with clientAuth, so a client-only RSA
     * leaf gets digitalSignature alone; EC and Ed25519 keys cannot encipher.
     */
    static KeyUsage leafKeyUsage(PublicKey publicKey, CertificateUsage usage) {
        if (publicKey instanceof RSAKey && usage != CertificateUsage.CLIENT) {
            return new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment);
        }
        return new KeyUsage(KeyUsage.digitalSignature);
    }

    static ExtendedKeyUsage extendedKeyUsage(CertificateUsage usage) {
        return switch (usage) {
            case SERVER -> new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth);
            case CLIENT -> new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth);
            case SERVER_AND_CLIENT -> new ExtendedKeyUsage(
                    new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth});
        };
    }

    /** Returns the key identifier of RFC 5280 method 1: the SHA-1 hash of the subjectPublicKey bits. */
    static SubjectKeyIdentifier subjectKeyIdentifier(PublicKey publicKey) {
        return utils().createSubjectKeyIdentifier(publicKey);
    }

    /** Returns an identifier that carries only the keyIdentifier, copied from the issuer's SKI where it has one. */
    static AuthorityKeyIdentifier authorityKeyIdentifier(X509Certificate issuer) {
        byte[] issuerSki = issuer.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (issuerSki != null) {
            byte[] keyIdentifier = SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(issuerSki).getOctets())
                    .getKeyIdentifier();
            return new AuthorityKeyIdentifier(keyIdentifier);
        }
        return authorityKeyIdentifier(issuer.getPublicKey());
    }

    static AuthorityKeyIdentifier authorityKeyIdentifier(PublicKey issuerPublicKey) {
        return new AuthorityKeyIdentifier(subjectKeyIdentifier(issuerPublicKey).getKeyIdentifier());
    }

    private static JcaX509ExtensionUtils utils() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (NoSuchAlgorithmException e) {
            throw new PkiException("SHA-1 is not available for key identifiers", e);
        }
    }
}
