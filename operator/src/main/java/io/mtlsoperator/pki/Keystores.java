package io.mtlsoperator.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Java keystores for workloads that cannot read PEM. PKCS#12 files are written by the JDK's
 * PKCS12 KeyStore, which since JDK 12 protects keys and certificates with PBES2 (PBKDF2 with
 * HMAC-SHA-256, AES-256-CBC) and adds an HMAC-SHA-256 MAC. OpenSSL 3 opens that without -legacy,
 * and only the JDK's writer marks certificate entries as trusted so that the JDK reads a trust
 * store back. The JDK applies those defaults unless the keystore.pkcs12.* security properties
 * change them; KeystoresTest checks the algorithms in the output.
 */
public final class Keystores {

    /** Alias of the private key entry in key stores. */
    public static final String KEY_ALIAS = "tls";
    /** Prefix of the aliases of trusted certificates in trust stores: ca-0, ca-1, and so on. */
    public static final String TRUSTED_ALIAS_PREFIX = "ca-";

    private static final String PKCS12_KEY_PROTECTION = "PBEWithHmacSHA256AndAES_256";

    private Keystores() {
    }

    /** Builds a PKCS#12 key store with the key and its chain (leaf first) under alias {@value #KEY_ALIAS}. */
    public static byte[] pkcs12KeyStore(PrivateKey key, List<X509Certificate> chain, char[] password) {
        requirePassword(password);
        KeyStore store = emptyStore("PKCS12");
        try {
            store.setEntry(KEY_ALIAS, new KeyStore.PrivateKeyEntry(key, validChain(key, chain)),
                    new KeyStore.PasswordProtection(password, PKCS12_KEY_PROTECTION, null));
        } catch (GeneralSecurityException e) {
            throw new PkiException("adding the private key to the PKCS#12 key store failed: " + e.getClass().getSimpleName());
        }
        return store(store, password, "PKCS#12");
    }

    /** Builds a PKCS#12 trust store with one trusted certificate entry per certificate. */
    public static byte[] pkcs12TrustStore(List<X509Certificate> trusted, char[] password) {
        requirePassword(password);
        return store(trustStore("PKCS12", trusted), password, "PKCS#12");
    }

    /** Builds a JKS key store with the key and its chain (leaf first) under alias {@value #KEY_ALIAS}. */
    public static byte[] jksKeyStore(PrivateKey key, List<X509Certificate> chain, char[] password) {
        requirePassword(password);
        KeyStore store = emptyStore("JKS");
        try {
            store.setKeyEntry(KEY_ALIAS, key, password, validChain(key, chain));
        } catch (GeneralSecurityException e) {
            throw new PkiException("adding the private key to the JKS key store failed: " + e.getClass().getSimpleName());
        }
        return store(store, password, "JKS");
    }

    /** Builds a JKS trust store with one trusted certificate entry per certificate. */
    public static byte[] jksTrustStore(List<X509Certificate> trusted, char[] password) {
        requirePassword(password);
        return store(trustStore("JKS", trusted), password, "JKS");
    }

    private static void requirePassword(char[] password) {
        if (password == null || password.length == 0) {
            throw new PkiException("the keystore password is empty: set a non-empty password");
        }
    }

    private static Certificate[] validChain(PrivateKey key, List<X509Certificate> chain) {
        if (chain == null || chain.isEmpty()) {
            throw new PkiException("a key store needs the certificate chain of its key, but the chain is empty");
        }
        if (!KeyMatch.matches(chain.get(0).getPublicKey(), key)) {
            throw new PkiException("the private key does not match the first certificate of the chain");
        }
        return chain.toArray(Certificate[]::new);
    }

    private static KeyStore trustStore(String type, List<X509Certificate> trusted) {
        if (trusted == null || trusted.isEmpty()) {
            throw new PkiException("a trust store needs at least one certificate");
        }
        KeyStore store = emptyStore(type);
        try {
            for (int i = 0; i < trusted.size(); i++) {
                store.setCertificateEntry(TRUSTED_ALIAS_PREFIX + i, trusted.get(i));
            }
        } catch (GeneralSecurityException e) {
            throw new PkiException("adding a certificate to the " + type + " trust store failed: " + e.getMessage(), e);
        }
        return store;
    }

    private static KeyStore emptyStore(String type) {
        try {
            KeyStore store = KeyStore.getInstance(type);
            store.load(null, null);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new PkiException("the JDK cannot create a " + type + " key store: " + e.getMessage(), e);
        }
    }

    private static byte[] store(KeyStore store, char[] password, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            store.store(bytes, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new PkiException("writing the " + format + " store failed: " + e.getClass().getSimpleName());
        }
        return bytes.toByteArray();
    }
}
