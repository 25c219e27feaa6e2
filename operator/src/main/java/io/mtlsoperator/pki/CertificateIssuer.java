package io.mtlsoperator.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues root, intermediate and leaf certificates with the extensions of RFC 5280. Each method
 * validates its request and throws {@link PkiException}, naming the field or constraint at fault,
 * before anything is signed.
 */
public final class CertificateIssuer {

    private final Clock clock;
    private final SecureRandom random;

    public CertificateIssuer(Clock clock) {
        this(clock, new SecureRandom());
    }

    CertificateIssuer(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** Issues a self-signed root CA whose chain is its own certificate. */
    public CaMaterial selfSignedRoot(CaRequest request, KeyPair keyPair) {
        X500Name subject = DistinguishedNames.forCa(request.subject());
        NameConstraints constraints = request.nameConstraints().normalized();
        Validity validity = Validity.of(clock, request.duration(), null);

        X509v3CertificateBuilder builder = newBuilder(subject, validity, subject, keyPair.getPublic());
        addCaExtensions(builder, request.maxPathLength(), constraints, keyPair.getPublic());
        add(builder, Extension.authorityKeyIdentifier, false,
                CertificateExtensions.authorityKeyIdentifier(keyPair.getPublic()));

        X509Certificate certificate = sign(builder, keyPair.getPrivate(), keyPair.getPublic());
        return new CaMaterial(certificate, keyPair.getPrivate(), List.of(certificate));
    }

    /** Issues an intermediate CA under {@code issuer}, within the path length the issuing chain allows. */
    public CaMaterial intermediate(CaRequest request, KeyPair keyPair, CaMaterial issuer) {
        X509Certificate issuerCertificate = issuer.certificate();
        IssuingCaCheck.requireCanSign(issuerCertificate);
        PathLengthCheck.checkIntermediateAllowed(issuer.chain());
        X500Name subject = DistinguishedNames.forCa(request.subject());
        X500Name issuerName = issuerName(issuerCertificate);
        requireDifferentSubject(subject, issuerName, "intermediate CA");
        NameConstraints constraints = request.nameConstraints().normalized();
        Validity validity = Validity.of(clock, request.duration(), issuerCertificate);

        X509v3CertificateBuilder builder = newBuilder(issuerName, validity, subject, keyPair.getPublic());
        addCaExtensions(builder, request.maxPathLength(), constraints, keyPair.getPublic());
        add(builder, Extension.authorityKeyIdentifier, false,
                CertificateExtensions.authorityKeyIdentifier(issuerCertificate));

        X509Certificate certificate = sign(builder, issuer.privateKey(), issuerCertificate.getPublicKey());
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(issuer.chain());
        return new CaMaterial(certificate, keyPair.getPrivate(), chain);
    }

    /**
     * Issues a server or client certificate for {@code publicKey}. The names are normalised and
     * checked against the name constraints of the whole issuing chain, and notAfter is capped at
     * the issuer's notAfter.
     */
    public X509Certificate leaf(LeafRequest request, PublicKey publicKey, CaMaterial issuer) {
        if (request.usage() == null) {
            throw new PkiException("usage is missing: use Server, Client or ServerAndClient");
        }
        X509Certificate issuerCertificate = issuer.certificate();
        IssuingCaCheck.requireCanSign(issuerCertificate);
        SubjectAlternativeNames names = request.subjectAlternativeNames().normalized();
        X500Name subject = DistinguishedNames.forLeaf(request.subject(), names);
        if (DistinguishedNames.isEmpty(subject) && names.isEmpty()) {
            throw new PkiException("the certificate has no name: set a commonName or at least one DNS name, "
                    + "IP address, URI or e-mail address");
        }
        X500Name issuerName = issuerName(issuerCertificate);
        requireDifferentSubject(subject, issuerName, "certificate");
        NameConstraintsCheck.checkLeaf(subject, names, issuer.chain());
        Validity validity = Validity.of(clock, request.duration(), issuerCertificate);

        X509v3CertificateBuilder builder = newBuilder(issuerName, validity, subject, publicKey);
        add(builder, Extension.basicConstraints, true, CertificateExtensions.leafBasicConstraints());
        add(builder, Extension.keyUsage, true, CertificateExtensions.leafKeyUsage(publicKey, request.usage()));
        add(builder, Extension.extendedKeyUsage, false, CertificateExtensions.extendedKeyUsage(request.usage()));
        add(builder, Extension.subjectKeyIdentifier, false, CertificateExtensions.subjectKeyIdentifier(publicKey));
        add(builder, Extension.authorityKeyIdentifier, false,
                CertificateExtensions.authorityKeyIdentifier(issuerCertificate));
        if (!names.isEmpty()) {
            // RFC 5280 section 4.2.1.6: with an empty subject, the SAN extension must be critical.
            add(builder, Extension.subjectAlternativeName, DistinguishedNames.isEmpty(subject),
                    AlternativeNames.encode(names));
        }
        return sign(builder, issuer.privateKey(), issuerCertificate.getPublicKey());
    }

    private X509v3CertificateBuilder newBuilder(X500Name issuer, Validity validity, X500Name subject, PublicKey publicKey) {
        return new X509v3CertificateBuilder(
                issuer,
                SerialNumbers.random(random),
                // Time picks UTCTime up to 2049 and GeneralizedTime from 2050, as RFC 5280 section 4.1.2.5 requires.
                new Time(Date.from(validity.notBefore())),
                new Time(Date.from(validity.notAfter())),
                subject,
                SubjectPublicKeyInfo.getInstance(publicKey.getEncoded()));
    }

    private static void addCaExtensions(X509v3CertificateBuilder builder, Integer maxPathLength,
            NameConstraints constraints, PublicKey publicKey) {
        add(builder, Extension.basicConstraints, true, CertificateExtensions.caBasicConstraints(maxPathLength));
        add(builder, Extension.keyUsage, true, CertificateExtensions.caKeyUsage());
        add(builder, Extension.subjectKeyIdentifier, false, CertificateExtensions.subjectKeyIdentifier(publicKey));
        if (!constraints.isEmpty()) {
            // RFC 5280 section 4.2.1.10: conforming CAs mark nameConstraints critical.
            add(builder, Extension.nameConstraints, true, NameConstraintsCodec.encode(constraints));
        }
    }

    private static void add(X509v3CertificateBuilder builder, org.bouncycastle.asn1.ASN1ObjectIdentifier oid,
            boolean critical, org.bouncycastle.asn1.ASN1Encodable value) {
        try {
            builder.addExtension(oid, critical, value);
        } catch (CertIOException e) {
            throw new PkiException("encoding the extension " + oid + " failed", e);
        }
    }

    /** Returns the issuer's subject exactly as encoded in its certificate, which path validation compares byte for byte. */
    private static X500Name issuerName(X509Certificate issuer) {
        return X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
    }

    /** Rejects a subject equal to the issuer's, which validators would take for a self-issued certificate. */
    private static void requireDifferentSubject(X500Name subject, X500Name issuer, String certificateKind) {
        if (!DistinguishedNames.isEmpty(subject) && subject.equals(issuer)) {
            throw new PkiException("the " + certificateKind + " subject \"" + subject + "\" equals the subject of its issuer: "
                    + "give it a different commonName");
        }
    }

    /**
     * Signs the certificate and checks the signature with the issuer's public key, so that a CA key
     * that does not belong to its certificate fails here instead of in every peer.
     */
    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey, PublicKey issuerPublicKey) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(SignatureAlgorithms.forSigningKey(signingKey)).build(signingKey);
            X509CertificateHolder holder = builder.build(signer);
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            try {
                certificate.verify(issuerPublicKey);
            } catch (GeneralSecurityException e) {
                throw new PkiException("the CA private key does not match the CA certificate: "
                        + "the new certificate's signature does not verify with the CA's public key");
            }
            return certificate;
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new PkiException("signing the certificate failed: " + e.getMessage(), e);
        }
    }
}
