package io.mtlsoperator.pki;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Orders certificates into a chain from a starting certificate up to a self-signed root. A
 * candidate is the issuer of a certificate when its subject equals the certificate's issuer
 * and its public key verifies the certificate's signature. The signature check distinguishes
 * an old and a new CA that share a subject during a key rotation.
 */
public final class ChainBuilder {

    /** More links than any real chain has; it stops a loop of cross-signed certificates. */
    private static final int MAX_CHAIN_LENGTH = 10;

    private ChainBuilder() {
    }

    /**
     * Returns the chain from {@code start} upwards, {@code start} first. The chain ends at a
     * self-signed certificate, or earlier where no candidate issued the last certificate; use
     * {@link #isSelfSigned} on the last element to tell the two apart. Unrelated candidates are ignored.
     */
    public static List<X509Certificate> build(X509Certificate start, Collection<X509Certificate> candidates) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(start);
        X509Certificate current = start;
        while (!isSelfSigned(current) && chain.size() < MAX_CHAIN_LENGTH) {
            X509Certificate issuer = findIssuer(current, candidates, chain);
            if (issuer == null) {
                break;
            }
            chain.add(issuer);
            current = issuer;
        }
        return chain;
    }

    /** Returns whether the certificate names itself as issuer and its own key verifies its signature. */
    public static boolean isSelfSigned(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                && isSignedBy(certificate, certificate);
    }

    static boolean isSignedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static X509Certificate findIssuer(X509Certificate certificate, Collection<X509Certificate> candidates,
            List<X509Certificate> chainSoFar) {
        for (X509Certificate candidate : candidates) {
            if (chainSoFar.contains(candidate)) {
                continue;
            }
            if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                    && isSignedBy(certificate, candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
