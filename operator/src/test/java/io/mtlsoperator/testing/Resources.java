package io.mtlsoperator.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.api.v1alpha1.CertificateAuthoritySpec;
import io.mtlsoperator.api.v1alpha1.CertificateUsageName;
import io.mtlsoperator.api.v1alpha1.IssuerReference;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.api.v1alpha1.MtlsCertificateSpec;
import io.mtlsoperator.api.v1alpha1.ObjectReference;
import io.mtlsoperator.api.v1alpha1.SelfSigned;
import io.mtlsoperator.kube.Conditions;
import io.mtlsoperator.kube.SecretData;
import io.mtlsoperator.pki.Pem;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Builders and waits for the custom resources, shared by the operator's integration tests. */
public final class Resources {

  public static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private Resources() {
  }

  public static CertificateAuthority selfSignedAuthority(String namespace, String name) {
    return authority(namespace, name, spec -> spec.setSelfSigned(new SelfSigned()));
  }

  public static CertificateAuthority intermediateAuthority(String namespace, String name, String parent) {
    return authority(namespace, name, spec -> spec.setIssuerRef(new ObjectReference(parent, null)));
  }

  public static CertificateAuthority authority(String namespace, String name,
      Consumer<CertificateAuthoritySpec> customizer) {
    CertificateAuthority authority = new CertificateAuthority();
    authority.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    CertificateAuthoritySpec spec = new CertificateAuthoritySpec();
    customizer.accept(spec);
    authority.setSpec(spec);
    return authority;
  }

  public static MtlsCertificate certificate(String namespace, String name, String issuer, CertificateUsageName usage,
      Consumer<MtlsCertificateSpec> customizer) {
    MtlsCertificate certificate = new MtlsCertificate();
    certificate.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    MtlsCertificateSpec spec = new MtlsCertificateSpec();
    spec.setIssuerRef(new IssuerReference(issuer, null));
    spec.setUsage(usage);
    spec.setSecretName(name + "-tls");
    spec.setDnsNames(List.of(name + ".example.com"));
    customizer.accept(spec);
    certificate.setSpec(spec);
    return certificate;
  }

  public static CertificateAuthority awaitReady(KubernetesClient client, CertificateAuthority authority) {
    return await().atMost(READY_TIMEOUT).until(
        () -> client.resource(authority).get(),
        current -> current != null && current.getStatus() != null
            && Conditions.isTrue(current.getStatus().getConditions(), Conditions.READY));
  }

  public static MtlsCertificate awaitReady(KubernetesClient client, MtlsCertificate certificate) {
    return await().atMost(READY_TIMEOUT).until(
        () -> client.resource(certificate).get(),
        current -> current != null && current.getStatus() != null
            && Conditions.isTrue(current.getStatus().getConditions(), Conditions.READY));
  }

  /** Waits until the Ready condition is False with {@code reason}, and returns that condition. */
  public static Condition awaitNotReady(KubernetesClient client, io.fabric8.kubernetes.api.model.HasMetadata resource,
      String reason) {
    return await().atMost(READY_TIMEOUT).until(
        () -> readyCondition(client, resource),
        condition -> condition.isPresent() && "False".equals(condition.get().getStatus())
            && reason.equals(condition.get().getReason())).orElseThrow();
  }

  private static Optional<Condition> readyCondition(KubernetesClient client,
      io.fabric8.kubernetes.api.model.HasMetadata resource) {
    var current = client.resource(resource).get();
    if (current instanceof CertificateAuthority authority && authority.getStatus() != null) {
      return Conditions.find(authority.getStatus().getConditions(), Conditions.READY);
    }
    if (current instanceof MtlsCertificate certificate && certificate.getStatus() != null) {
      return Conditions.find(certificate.getStatus().getConditions(), Conditions.READY);
    }
    return Optional.empty();
  }

  /** Sets the renew annotation with a merge patch, which needs no current resourceVersion. */
  public static void requestRenewal(KubernetesClient client, io.fabric8.kubernetes.api.model.HasMetadata resource,
      String value) {
    String patch = client.getKubernetesSerialization().asJson(java.util.Map.of("metadata",
        java.util.Map.of("annotations", java.util.Map.of(io.mtlsoperator.kube.SecretMetadata.RENEW_ANNOTATION, value))));
    client.resource(resource).patch(io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
        io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE), patch);
  }

  public static List<X509Certificate> certificates(Secret secret, String key) {
    return Pem.parseCertificates(SecretData.text(secret, key).orElseThrow());
  }

  /** Returns the Events recorded for {@code resource}, as kubectl describe shows them. */
  public static List<Event> events(KubernetesClient client, io.fabric8.kubernetes.api.model.HasMetadata resource) {
    return client.v1().events().inNamespace(resource.getMetadata().getNamespace()).list().getItems().stream()
        .filter(e -> resource.getMetadata().getName().equals(e.getInvolvedObject().getName())
            && resource.getKind().equals(e.getInvolvedObject().getKind()))
        .toList();
  }

  public static void assertHasEvent(KubernetesClient client, io.fabric8.kubernetes.api.model.HasMetadata resource,
      String reason) {
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(events(client, resource)).extracting(Event::getReason).contains(reason));
  }
}
