package io.mtlsoperator.rotation;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.mtlsoperator.kube.SecretData;
import io.mtlsoperator.pki.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A workload's view of a mounted kubernetes.io/tls Secret: on every change it rewrites tls.crt,
 * tls.key and ca.crt in a directory, as the kubelet does, and reloads its key and trust managers
 * from those files. Handshakes read whatever material is current.
 */
final class MountedSecret implements AutoCloseable {

  /** The managers built from one version of the files. */
  record Material(int version, X509ExtendedKeyManager keyManager, X509ExtendedTrustManager trustManager,
      List<X509Certificate> trustAnchors) {
  }

  private static final char[] IN_MEMORY_PASSWORD = "in-memory".toCharArray();

  private final Path directory;
  private final AtomicReference<Material> current = new AtomicReference<>();
  private final java.util.Map<Integer, Material> versions = new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicInteger reloads = new AtomicInteger();
  private final SharedIndexInformer<Secret> informer;

  MountedSecret(KubernetesClient client, String namespace, String secretName, Path directory) {
    this.directory = directory;
    this.informer = client.secrets().inNamespace(namespace).withName(secretName).inform(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Secret secret) {
        reload(secret);
      }

      @Override
      public void onUpdate(Secret before, Secret after) {
        reload(after);
      }

      @Override
      public void onDelete(Secret secret, boolean finalStateUnknown) {
        // A deleted Secret keeps the last files, as a running pod keeps its mounted volume.
      }
    });
  }

  Material material() {
    return current.get();
  }

  /** Returns an earlier version, so one handshake can finish with the chain and key it started with. */
  Material material(int version) {
    return versions.get(version);
  }

  int reloads() {
    return reloads.get();
  }

  private synchronized void reload(Secret secret) {
    try {
      write(secret, "tls.crt");
      write(secret, "tls.key");
      write(secret, "ca.crt");

      List<X509Certificate> chain = Pem.parseCertificates(Files.readString(directory.resolve("tls.crt")));
      PrivateKey key = Pem.parsePrivateKey(Files.readString(directory.resolve("tls.key")));
      List<X509Certificate> anchors = Pem.parseCertificates(Files.readString(directory.resolve("ca.crt")));

      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      keyStore.setKeyEntry("workload", key, IN_MEMORY_PASSWORD, chain.toArray(X509Certificate[]::new));
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("PKIX");
      keyManagers.init(keyStore, IN_MEMORY_PASSWORD);

      KeyStore trustStore = KeyStore.getInstance("PKCS12");
      trustStore.load(null, null);
      for (int i = 0; i < anchors.size(); i++) {
        trustStore.setCertificateEntry("anchor-" + i, anchors.get(i));
      }
      TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
      trustManagers.init(trustStore);

      int version = reloads.incrementAndGet();
      Material material = new Material(version, (X509ExtendedKeyManager) keyManagers.getKeyManagers()[0],
          (X509ExtendedTrustManager) trustManagers.getTrustManagers()[0], anchors);
      versions.put(version, material);
      current.set(material);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("Cannot load the mounted Secret's files", e);
    }
  }

  /** Writes one key's file by rename, so readers never see half a file. */
  private void write(Secret secret, String key) throws IOException {
    Path target = directory.resolve(key);
    Path temporary = directory.resolve("." + key + ".tmp");
    Files.writeString(temporary, SecretData.text(secret, key).orElseThrow());
    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    informer.close();
  }
}
