package io.mtlsoperator.pki;

import java.security.cert.X509Certificate;
import java.util.List;

/** Checks the basicConstraints pathLenConstraint of an issuing chain before a new intermediate CA is signed. */
final class PathLengthCheck {

    private PathLengthCheck() {
    }

    /**
     * Throws {@link PkiException} when a CA in the chain would have more intermediate CAs below it
     * than its pathLenConstraint allows once the new intermediate exists.
     *
     * @param issuerChain the issuing CA first, the root last
     */
    static void checkIntermediateAllowed(List<X509Certificate> issuerChain) {
        for (int i = 0; i < issuerChain.size(); i++) {
            X509Certificate ca = issuerChain.get(i);
            int pathLength = ca.getBasicConstraints();
            // The new intermediate and the i intermediates between it and this CA would all be below it.
            int intermediatesBelow = i + 1;
            if (pathLength >= intermediatesBelow) {
                continue;
            }
            String name = ca.getSubjectX500Principal().getName();
            if (pathLength < 0) {
                throw new PkiException("\"" + name + "\" is not a CA certificate: basicConstraints CA is false or missing");
            }
            if (i == 0) {
                throw new PkiException("cannot issue an intermediate CA under \"" + name
                        + "\": its basicConstraints pathLenConstraint is " + pathLength
                        + ", so it may sign leaf certificates only");
            }
            throw new PkiException("cannot issue an intermediate CA under \""
                    + issuerChain.get(0).getSubjectX500Principal().getName() + "\": \"" + name
                    + "\" higher in the chain has basicConstraints pathLenConstraint " + pathLength
                    + ", which allows " + pathLength + " intermediate CA(s) below it, and the new one would be number "
                    + intermediatesBelow);
        }
    }
}
