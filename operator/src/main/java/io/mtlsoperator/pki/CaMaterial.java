package io.mtlsoperator.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A CA able to sign: its certificate, its private key and its chain. The chain starts with the
 * certificate and ends with the root, the trust anchor; for a root CA it is the certificate alone.
 */
public record CaMaterial(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> chain) {

    public CaMaterial {
        if (certificate == null || privateKey == null) {
            throw new PkiException("CA material needs a certificate and a private key");
        }
        chain = chain == null || chain.isEmpty() ? List.of(certificate) : List.copyOf(chain);
        if (!chain.get(0).equals(certificate)) {
            throw new PkiException("the chain of CA \"" + certificate.getSubjectX500Principal().getName()
                    + "\" must start with its own certificate");
        }
    }

    /** Returns the last certificate of the chain, the trust anchor. */
    public X509Certificate root() {
        return chain.get(chain.size() - 1);
    }

    /** Returns the chain without the root: the certificates that follow a leaf in tls.crt. */
    public List<X509Certificate> intermediates() {
        return chain.subList(0, chain.size() - 1);
    }

    /** Describes the CA by subject and chain length; the private key is left out on purpose. */
    @Override
    public String toString() {
        return "CaMaterial[subject=" + certificate.getSubjectX500Principal().getName()
                + ", chainLength=" + chain.size() + "]";
    }
}
