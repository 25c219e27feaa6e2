package io.mtlsoperator.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CA that a user imports from a Secret: tls.crt (the CA certificate, optionally followed
 * by its chain), tls.key (its private key) and an optional ca.crt (more of the chain, up to the
 * root). The certificates may come in any order; the one whose public key matches tls.key is the CA.
 */
public final class CaMaterialParser {

    private static final String TLS_CRT = "tls.crt";
    private static final String TLS_KEY = "tls.key";
    private static final String CA_CRT = "ca.crt";

    private final Clock clock;

    public CaMaterialParser(Clock clock) {
        this.clock = clock;
    }

    /**
     * Returns the CA with its chain up to a self-signed root.
     *
     * @throws InvalidCaMaterialException naming the Secret key and the problem. Problems are invalid
     *     PEM, a key that matches no certificate, and a certificate that is no CA, may not sign or is
     *     outside its validity. A chain that does not reach a root or does not verify is one too.
     */
    public CaMaterial parse(String tlsCrt, String tlsKey, String caCrtOrNull) {
        List<X509Certificate> tlsCertificates = parseCertificates(TLS_CRT, tlsCrt);
        PrivateKey privateKey = parsePrivateKey(tlsKey);
        List<X509Certificate> caCertificates = caCrtOrNull == null || caCrtOrNull.isBlank()
                ? List.of()
                : parseCertificates(CA_CRT, caCrtOrNull);

        X509Certificate certificate = tlsCertificates.stream()
                .filter(candidate -> KeyMatch.matches(candidate.getPublicKey(), privateKey))
                .findFirst()
                .orElseThrow(() -> new InvalidCaMaterialException(tlsCertificates.size() == 1
                        ? "tls.key does not match the certificate in tls.crt"
                        : "tls.key does not match any of the " + tlsCertificates.size() + " certificates in tls.crt"));
        String name = certificate.getSubjectX500Principal().getName();

        try {
            IssuingCaCheck.requireCanSign(certificate);
        } catch (PkiException e) {
            throw new InvalidCaMaterialException("the certificate in tls.crt cannot be used as a CA: " + e.getMessage());
        }
        requireValidNow(certificate, TLS_CRT);

        List<X509Certificate> candidates = new ArrayList<>(tlsCertificates);
        candidates.addAll(caCertificates);
        List<X509Certificate> chain = ChainBuilder.build(certificate, candidates);
        X509Certificate last = chain.get(chain.size() - 1);
        if (!ChainBuilder.isSelfSigned(last)) {
            throw new InvalidCaMaterialException("the chain of \"" + name + "\" is incomplete: the issuer \""
                    + last.getIssuerX500Principal().getName() + "\" of \"" + last.getSubjectX500Principal().getName()
                    + "\" is in neither tls.crt nor ca.crt; add the issuing certificates up to the root to ca.crt");
        }
        for (X509Certificate link : chain.subList(1, chain.size())) {
            requireValidNow(link, "the chain in tls.crt and ca.crt");
        }
        try {
            new ChainVerifier(clock).verify(chain, last);
        } catch (PkiException e) {
            throw new InvalidCaMaterialException("the chain of \"" + name + "\" in tls.crt and ca.crt does not verify: "
                    + e.getMessage(), e);
        }
        return new CaMaterial(certificate, privateKey, chain);
    }

    private void requireValidNow(X509Certificate certificate, String where) {
        Instant now = clock.instant();
        String name = certificate.getSubjectX500Principal().getName();
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            throw new InvalidCaMaterialException("the certificate \"" + name + "\" in " + where + " expired at "
                    + certificate.getNotAfter().toInstant());
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            throw new InvalidCaMaterialException("the certificate \"" + name + "\" in " + where + " is not valid before "
                    + certificate.getNotBefore().toInstant());
        }
    }

    private static List<X509Certificate> parseCertificates(String key, String pem) {
        try {
            return Pem.parseCertificates(pem);
        } catch (PkiException e) {
            throw new InvalidCaMaterialException(key + " is invalid: " + e.getMessage(), e);
        }
    }

    private static PrivateKey parsePrivateKey(String pem) {
        try {
            return Pem.parsePrivateKey(pem);
        } catch (PkiException e) {
            // No cause: the parser's exception is about the key's bytes and stays out of logs.
            throw new InvalidCaMaterialException(TLS_KEY + " is invalid: " + e.getMessage());
        }
    }
}
