package io.mtlsoperator.pki;

import java.security.cert.X509Certificate;

/** Checks that a certificate may sign other certificates. */
final class IssuingCaCheck {

    private static final int KEY_CERT_SIGN = 5;

    private IssuingCaCheck() {
    }

    /** Throws {@link PkiException} unless basicConstraints marks a CA and keyUsage, when present, contains keyCertSign. */
    static void requireCanSign(X509Certificate ca) {
        String name = ca.getSubjectX500Principal().getName();
        if (ca.getBasicConstraints() < 0) {
            throw new PkiException("\"" + name + "\" is not a CA certificate: basicConstraints CA is false or missing");
        }
        boolean[] keyUsage = ca.getKeyUsage();
        if (keyUsage != null && (keyUsage.length <= KEY_CERT_SIGN || !keyUsage[KEY_CERT_SIGN])) {
            throw new PkiException("\"" + name + "\" may not sign certificates: its keyUsage lacks keyCertSign");
        }
    }
}
