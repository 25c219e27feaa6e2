package io.mtlsoperator.pki;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds certificates directly with Bouncy Castle, bypassing the checks of {@link CertificateIssuer},
 * so that tests can feed the parser and verifier certificates the issuer would refuse to make.
 */
final class HandMadeCertificates {

    private final X500Name subject;
    private final PublicKey publicKey;
    private X500Name issuer;
    private PrivateKey signingKey;
    private Instant notBefore = TestPki.NOW.minusSeconds(3600);
    private Instant notAfter = TestPki.NOW.plusSeconds(86_400);
    private final java.util.List<Object[]> extensions = new java.util.ArrayList<>();

    private HandMadeCertificates(String subject, PublicKey publicKey) {
        this.subject = new X500Name(subject);
        this.publicKey = publicKey;
    }

    static HandMadeCertificates selfSigned(String subject, KeyPair keyPair) {
        HandMadeCertificates builder = new HandMadeCertificates(subject, keyPair.getPublic());
        builder.issuer = builder.subject;
        builder.signingKey = keyPair.getPrivate();
        return builder;
    }

    static HandMadeCertificates issuedBy(String subject, PublicKey publicKey, CaMaterial issuer) {
        HandMadeCertificates builder = new HandMadeCertificates(subject, publicKey);
        builder.issuer = X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        builder.signingKey = issuer.privateKey();
        return builder;
    }

    HandMadeCertificates validity(Instant from, Instant to) {
        this.notBefore = from;
        this.notAfter = to;
        return this;
    }

    HandMadeCertificates extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        extensions.add(new Object[] {oid, critical, value});
        return this;
    }

    X509Certificate build() {
        try {
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer, BigInteger.valueOf(System.nanoTime()),
                    Date.from(notBefore), Date.from(notAfter), subject, SubjectPublicKeyInfo.getInstance(publicKey.getEncoded()));
            for (Object[] extension : extensions) {
                builder.addExtension((ASN1ObjectIdentifier) extension[0], (Boolean) extension[1], (ASN1Encodable) extension[2]);
            }
            String algorithm = SignatureAlgorithms.forSigningKey(signingKey);
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).build(signingKey)));
        } catch (Exception e) {
            throw new IllegalStateException("building a test certificate failed", e);
        }
    }
}
