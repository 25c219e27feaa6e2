package io.mtlsoperator.authority;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.api.v1alpha1.TrustBundleKind;
import io.mtlsoperator.api.v1alpha1.TrustBundleTarget;
import io.mtlsoperator.kube.SecretData;
import io.mtlsoperator.kube.SecretMetadata;
import io.mtlsoperator.kube.WatchedNamespaces;
import io.mtlsoperator.pki.Pem;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes an authority's trust anchors into the ConfigMaps and Secrets that spec.trustBundles
 * names, and removes the ones it published before that are no longer asked for. An object of the
 * same name that the operator did not create is left alone and reported.
 */
public final class TrustBundlePublisher {

  /** Result of a publish: the number of objects that carry the bundle, and the ones that could not be written. */
  public record Outcome(int published, List<String> conflicts) {
  }

  private static final Logger log = LoggerFactory.getLogger(TrustBundlePublisher.class);

  private final KubernetesClient client;

  public TrustBundlePublisher(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Publishes into every target namespace that the operator watches; a target outside them is
   * reported as a conflict, because the operator has no rights there.
   */
  public Outcome publish(CertificateAuthority authority, List<X509Certificate> anchors, WatchedNamespaces watched) {
    List<TrustBundleTarget> targets = authority.getSpec().getTrustBundles() == null ? List.of()
        : authority.getSpec().getTrustBundles();
    String bundle = Pem.encodeCertificates(anchors);
    Set<String> desired = new LinkedHashSet<>();
    List<String> conflicts = new ArrayList<>();

    for (TrustBundleTarget target : targets) {
      for (String namespace : namespaces(target)) {
        String reference = target.getKind() + " " + namespace + "/" + target.getName();
        if (!watched.contains(namespace)) {
          conflicts.add(reference + " (namespace not watched by the operator)");
          continue;
        }
        desired.add(key(target.getKind(), namespace, target.getName()));
        if (!publishOne(authority, target, namespace, bundle)) {
          conflicts.add(reference);
        }
      }
    }

    removeStale(authority, desired, watched);
    return new Outcome(desired.size() - conflicts.size(), conflicts);
  }

  /** Deletes every bundle the authority published, as when it is deleted. */
  public void removeAll(CertificateAuthority authority, WatchedNamespaces watched) {
    removeStale(authority, Set.of(), watched);
  }

  private boolean publishOne(CertificateAuthority authority, TrustBundleTarget target, String namespace,
      String bundle) {
    ObjectMeta metadata = new ObjectMetaBuilder()
        .withName(target.getName())
        .withNamespace(namespace)
        .addToLabels(SecretMetadata.MANAGED_BY_LABEL, SecretMetadata.MANAGED_BY_VALUE)
        .addToLabels(SecretMetadata.TRUST_BUNDLE_LABEL, "true")
        .addToLabels(SecretMetadata.AUTHORITY_LABEL, authority.getMetadata().getName())
        .addToLabels(SecretMetadata.AUTHORITY_NAMESPACE_LABEL, authority.getMetadata().getNamespace())
        .addToLabels(SecretMetadata.AUTHORITY_UID_LABEL, authority.getMetadata().getUid())
        .build();

    if (target.getKind() == TrustBundleKind.Secret) {
      Secret current = client.secrets().inNamespace(namespace).withName(target.getName()).get();
      if (current != null && !publishedBy(current, authority)) {
        return false;
      }
      if (current == null || !Objects.equals(SecretData.text(current, target.getKey()).orElse(null), bundle)) {
        client.secrets().inNamespace(namespace).resource(new SecretBuilder().withMetadata(metadata)
            .withType("Opaque").addToData(target.getKey(), SecretData.encode(bundle)).build())
            .fieldManager(SecretMetadata.FIELD_MANAGER).forceConflicts().serverSideApply();
        log.info("Published the trust bundle into Secret {}/{}", namespace, target.getName());
      }
      return true;
    }

    ConfigMap current = client.configMaps().inNamespace(namespace).withName(target.getName()).get();
    if (current != null && !publishedBy(current, authority)) {
      return false;
    }
    if (current == null || current.getData() == null || !bundle.equals(current.getData().get(target.getKey()))) {
      client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withMetadata(metadata)
          .addToData(target.getKey(), bundle).build())
          .fieldManager(SecretMetadata.FIELD_MANAGER).forceConflicts().serverSideApply();
      log.info("Published the trust bundle into ConfigMap {}/{}", namespace, target.getName());
    }
    return true;
  }

  private Set<String> namespaces(TrustBundleTarget target) {
    Set<String> namespaces = new LinkedHashSet<>();
    if (target.getNamespaces() != null) {
      for (String name : target.getNamespaces()) {
        Namespace namespace = client.namespaces().withName(name).get();
        if (namespace != null && !namespace.isMarkedForDeletion()) {
          namespaces.add(name);
        }
      }
    }
    if (target.getNamespaceSelector() != null) {
      client.namespaces().withLabelSelector(target.getNamespaceSelector()).list().getItems().stream()
          .filter(namespace -> !namespace.isMarkedForDeletion())
          .forEach(namespace -> namespaces.add(namespace.getMetadata().getName()));
    }
    return namespaces;
  }

  private void removeStale(CertificateAuthority authority, Set<String> desired, WatchedNamespaces watched) {
    Map<String, String> selector = Map.of(SecretMetadata.AUTHORITY_UID_LABEL, authority.getMetadata().getUid(),
        SecretMetadata.TRUST_BUNDLE_LABEL, "true");
    List<Secret> secrets = new ArrayList<>();
    List<ConfigMap> configMaps = new ArrayList<>();
    if (watched.all()) {
      secrets.addAll(client.secrets().inAnyNamespace().withLabels(selector).list().getItems());
      configMaps.addAll(client.configMaps().inAnyNamespace().withLabels(selector).list().getItems());
    } else {
      for (String namespace : watched.names()) {
        secrets.addAll(client.secrets().inNamespace(namespace).withLabels(selector).list().getItems());
        configMaps.addAll(client.configMaps().inNamespace(namespace).withLabels(selector).list().getItems());
      }
    }
    for (Secret secret : secrets) {
      if (!desired.contains(key(TrustBundleKind.Secret, secret))) {
        client.resource(secret).delete();
        log.info("Removed the trust bundle Secret {}/{}", secret.getMetadata().getNamespace(),
            secret.getMetadata().getName());
      }
    }
    for (ConfigMap configMap : configMaps) {
      if (!desired.contains(key(TrustBundleKind.ConfigMap, configMap))) {
        client.resource(configMap).delete();
        log.info("Removed the trust bundle ConfigMap {}/{}", configMap.getMetadata().getNamespace(),
            configMap.getMetadata().getName());
      }
    }
  }

  private static boolean publishedBy(HasMetadata object, CertificateAuthority authority) {
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels != null && authority.getMetadata().getUid().equals(labels.get(SecretMetadata.AUTHORITY_UID_LABEL));
  }

  private static String key(TrustBundleKind kind, HasMetadata object) {
    return key(kind, object.getMetadata().getNamespace(), object.getMetadata().getName());
  }

  private static String key(TrustBundleKind kind, String namespace, String name) {
    return kind + "/" + namespace + "/" + name;
  }
}
