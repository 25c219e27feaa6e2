package io.mtlsoperator.pki;

/**
 * Failure of a PKI operation, with a message that names the input at fault and is safe to
 * show in a resource's status: it never contains private key material.
 */
public class PkiException extends RuntimeException {

    public PkiException(String message) {
        super(message);
    }

    public PkiException(String message, Throwable cause) {
        super(message, cause);
    }
}
