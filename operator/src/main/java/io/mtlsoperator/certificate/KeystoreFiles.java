package io.mtlsoperator.certificate;

import io.fabric8.kubernetes.api.model.Secret;
import io.mtlsoperator.kube.SecretData;
import io.mtlsoperator.pki.Keystores;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the keystore and truststore entries of a leaf Secret. Keystores carry random salts, so
 * they are rebuilt only when the certificate changed or the current file no longer opens with the
 * password; otherwise the current bytes are kept and the Secret stays unchanged.
 */
final class KeystoreFiles {

  private KeystoreFiles() {
  }

  static Map<String, byte[]> build(char[] pkcs12Password, char[] jksPassword, X509Certificate leaf, PrivateKey key,
      List<X509Certificate> chain, List<X509Certificate> trustAnchors, Secret current, boolean reissued) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    if (pkcs12Password != null) {
      files.put("keystore.p12", reuseOr(current, "keystore.p12", "PKCS12", pkcs12Password, leaf, reissued,
          () -> Keystores.pkcs12KeyStore(key, chain, pkcs12Password)));
      files.put("truststore.p12", reuseOr(current, "truststore.p12", "PKCS12", pkcs12Password, trustAnchors.get(0),
          reissued, () -> Keystores.pkcs12TrustStore(trustAnchors, pkcs12Password)));
    }
    if (jksPassword != null) {
      files.put("keystore.jks", reuseOr(current, "keystore.jks", "JKS", jksPassword, leaf, reissued,
          () -> Keystores.jksKeyStore(key, chain, jksPassword)));
      files.put("truststore.jks", reuseOr(current, "truststore.jks", "JKS", jksPassword, trustAnchors.get(0),
          reissued, () -> Keystores.jksTrustStore(trustAnchors, jksPassword)));
    }
    return files;
  }

  private static byte[] reuseOr(Secret current, String dataKey, String type, char[] password,
      X509Certificate expected, boolean reissued, java.util.function.Supplier<byte[]> builder) {
    if (!reissued) {
      Optional<byte[]> existing = SecretData.bytes(current, dataKey);
      if (existing.isPresent() && contains(existing.get(), type, password, expected)) {
        return existing.get();
      }
    }
    return builder.get();
  }

  private static boolean contains(byte[] keystore, String type, char[] password, X509Certificate expected) {
    try {
      KeyStore store = KeyStore.getInstance(type);
      store.load(new ByteArrayInputStream(keystore), password);
      return store.getCertificateAlias(expected) != null;
    } catch (IOException | GeneralSecurityException e) {
      return false;
    }
  }
}
