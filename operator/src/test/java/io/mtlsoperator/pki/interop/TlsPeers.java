package io.mtlsoperator.pki.interop;

import io.mtlsoperator.pki.Keystores;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/** Builds JDK TLS contexts from the PKCS#12 stores the PKI package writes, as a Java workload would load them. */
final class TlsPeers {

    /** 127.0.0.1 itself: {@code InetAddress.getLoopbackAddress()} may return ::1 when IPv6 is preferred. */
    static final InetAddress LOOPBACK = loopback();
    private static final char[] PASSWORD = "interop-password".toCharArray();

    private TlsPeers() {
    }

    /**
     * Returns a context that presents the chain and trusts the anchor. The key manager offers its
     * certificate whatever CA names the peer requests, so that a peer's rejection, not the JDK's
     * choice of certificate, decides the outcome.
     */
    static SSLContext context(PrivateKey key, List<X509Certificate> chain, X509Certificate trustAnchor) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(new ByteArrayInputStream(Keystores.pkcs12KeyStore(key, chain, PASSWORD)), PASSWORD);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("PKIX");
        keyManagers.init(keyStore, PASSWORD);

        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(new ByteArrayInputStream(Keystores.pkcs12TrustStore(List.of(trustAnchor), PASSWORD)), PASSWORD);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
        trustManagers.init(trustStore);

        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new javax.net.ssl.KeyManager[] {new IssuerBlindKeyManager((X509ExtendedKeyManager) keyManagers.getKeyManagers()[0])},
                trustManagers.getTrustManagers(), null);
        return context;
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("127.0.0.1 is not a valid address", e);
        }
    }

    /** Returns a port on 127.0.0.1 that was free a moment ago. */
    static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Chooses aliases as the PKIX key manager does, but without the peer's list of acceptable
     * issuers, so that a certificate from another CA is still offered.
     */
    private static final class IssuerBlindKeyManager extends X509ExtendedKeyManager {

        private final X509ExtendedKeyManager delegate;

        IssuerBlindKeyManager(X509ExtendedKeyManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return delegate.getClientAliases(keyType, null);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return delegate.chooseClientAlias(keyType, null, socket);
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return delegate.chooseEngineClientAlias(keyType, null, engine);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return delegate.getServerAliases(keyType, null);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return delegate.chooseServerAlias(keyType, null, socket);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return delegate.chooseEngineServerAlias(keyType, null, engine);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return delegate.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return delegate.getPrivateKey(alias);
        }
    }
}
