package io.mtlsoperator.rotation;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/** Key and trust managers that delegate each call to the material current at that moment. */
final class ReloadingManagers {

  private ReloadingManagers() {
  }

  /**
   * Returns a key manager whose aliases name the material version they came from. The JDK requests
   * the alias, then the chain, then the key; a reload between those calls must not pair a
   * chain with another version's key, as a real workload never would.
   */
  static X509ExtendedKeyManager keyManager(MountedSecret mounted) {
    return new X509ExtendedKeyManager() {
      private String versioned(MountedSecret.Material material, String alias) {
        return alias == null ? null : material.version() + "/" + alias;
      }

      private MountedSecret.Material materialOf(String alias) {
        return mounted.material(Integer.parseInt(alias.substring(0, alias.indexOf('/'))));
      }

      private String inner(String alias) {
        return alias.substring(alias.indexOf('/') + 1);
      }

      @Override
      public String[] getClientAliases(String keyType, Principal[] issuers) {
        MountedSecret.Material material = mounted.material();
        String[] aliases = material.keyManager().getClientAliases(keyType, issuers);
        return aliases == null ? null : java.util.Arrays.stream(aliases).map(a -> versioned(material, a))
            .toArray(String[]::new);
      }

      @Override
      public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        MountedSecret.Material material = mounted.material();
        return versioned(material, material.keyManager().chooseClientAlias(keyType, issuers, socket));
      }

      @Override
      public String[] getServerAliases(String keyType, Principal[] issuers) {
        MountedSecret.Material material = mounted.material();
        String[] aliases = material.keyManager().getServerAliases(keyType, issuers);
        return aliases == null ? null : java.util.Arrays.stream(aliases).map(a -> versioned(material, a))
            .toArray(String[]::new);
      }

      @Override
      public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        MountedSecret.Material material = mounted.material();
        return versioned(material, material.keyManager().chooseServerAlias(keyType, issuers, socket));
      }

      @Override
      public X509Certificate[] getCertificateChain(String alias) {
        return materialOf(alias).keyManager().getCertificateChain(inner(alias));
      }

      @Override
      public PrivateKey getPrivateKey(String alias) {
        return materialOf(alias).keyManager().getPrivateKey(inner(alias));
      }

      @Override
      public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        MountedSecret.Material material = mounted.material();
        return versioned(material, material.keyManager().chooseEngineClientAlias(keyType, issuers, engine));
      }

      @Override
      public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        MountedSecret.Material material = mounted.material();
        return versioned(material, material.keyManager().chooseEngineServerAlias(keyType, issuers, engine));
      }
    };
  }

  static X509ExtendedTrustManager trustManager(Supplier<MountedSecret.Material> material) {
    return new X509ExtendedTrustManager() {
      private X509ExtendedTrustManager delegate() {
        return material.get().trustManager();
      }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
          throws CertificateException {
        delegate().checkClientTrusted(chain, authType, socket);
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
          throws CertificateException {
        delegate().checkServerTrusted(chain, authType, socket);
      }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
          throws CertificateException {
        delegate().checkClientTrusted(chain, authType, engine);
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
          throws CertificateException {
        delegate().checkServerTrusted(chain, authType, engine);
      }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate().checkClientTrusted(chain, authType);
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate().checkServerTrusted(chain, authType);
      }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return delegate().getAcceptedIssuers();
      }
    };
  }
}
