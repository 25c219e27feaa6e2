package io.mtlsoperator.pki;

/**
 * Imported CA material (tls.crt, tls.key, ca.crt) that cannot be used to sign. The message
 * names the Secret key and the problem, for example "tls.key does not match the certificate
 * in tls.crt".
 */
public class InvalidCaMaterialException extends PkiException {

    public InvalidCaMaterialException(String message) {
        super(message);
    }

    public InvalidCaMaterialException(String message, Throwable cause) {
        super(message, cause);
    }
}
