package io.mtlsoperator.pki;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * Validates a chain against a trust anchor with the JDK's PKIX CertPathValidator, which performs
 * RFC 5280 path validation: signatures, validity at the clock's time, basicConstraints, path
 * length, keyUsage and the name constraints of intermediates. The trust anchor's own name
 * constraints, which PKIX leaves out, are checked here. Revocation is not checked, because the
 * operator issues no CRLs.
 */
public final class ChainVerifier {

    private final Clock clock;

    public ChainVerifier(Clock clock) {
        this.clock = clock;
    }

    /**
     * Throws {@link PkiException} with the reason and the certificate at fault unless the chain,
     * leaf first and with or without the anchor at its end, leads to the trust anchor.
     */
    public void verify(List<X509Certificate> leafFirstChain, X509Certificate trustAnchor) {
        if (leafFirstChain == null || leafFirstChain.isEmpty()) {
            throw new PkiException("the certificate chain is empty");
        }
        List<X509Certificate> path = new ArrayList<>(leafFirstChain);
        if (path.size() > 1 && path.get(path.size() - 1).equals(trustAnchor)) {
            path.remove(path.size() - 1);
        }
        checkLinks(path, trustAnchor);
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(trustAnchor, null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(clock.instant()));
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
            checkAnchorConstraints(path.get(0), trustAnchor);
        } catch (CertPathValidatorException e) {
            int index = e.getIndex();
            String where = index >= 0 && index < path.size()
                    ? " at certificate " + index + " \"" + subject(path.get(index)) + "\""
                    : "";
            throw new PkiException("the certificate chain is invalid" + where + ": " + e.getMessage(), e);
        } catch (InvalidAlgorithmParameterException e) {
            throw new PkiException("the trust anchor \"" + subject(trustAnchor) + "\" cannot be used: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new PkiException("validating the certificate chain failed: " + e.getMessage(), e);
        }
    }

    /** Names the first broken link before PKIX runs, because PKIX reports it only as a failed signature. */
    private static void checkLinks(List<X509Certificate> path, X509Certificate trustAnchor) {
        for (int i = 0; i < path.size(); i++) {
            X509Certificate certificate = path.get(i);
            X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : trustAnchor;
            if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                throw new PkiException("certificate " + i + " \"" + subject(certificate) + "\" names the issuer \""
                        + certificate.getIssuerX500Principal().getName() + "\", but the next certificate is \""
                        + subject(issuer) + "\"");
            }
            if (!ChainBuilder.isSignedBy(certificate, issuer)) {
                throw new PkiException("certificate " + i + " \"" + subject(certificate)
                        + "\" was not signed by the key of \"" + subject(issuer) + "\"");
            }
        }
    }

    /**
     * Checks the end entity's names against the anchor's own nameConstraints extension, which the
     * JDK's PKIX does not apply: it ignores the extension in an anchor certificate and refuses
     * constraints passed to {@link TrustAnchor} ("name constraints in trust anchor not supported").
     */
    private static void checkAnchorConstraints(X509Certificate endEntity, X509Certificate trustAnchor) {
        if (NameConstraintsCodec.read(trustAnchor).isEmpty() || endEntity.getBasicConstraints() >= 0) {
            return;
        }
        CertificateInfo info = CertificateInfo.of(endEntity);
        SubjectAlternativeNames names = new SubjectAlternativeNames(
                info.dnsNames(), info.ipAddresses(), info.uris(), info.emailAddresses());
        NameConstraintsCheck.checkLeaf(
                X500Name.getInstance(endEntity.getSubjectX500Principal().getEncoded()), names, List.of(trustAnchor));
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
