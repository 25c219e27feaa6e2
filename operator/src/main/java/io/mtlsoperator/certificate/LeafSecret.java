package io.mtlsoperator.certificate;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.api.v1alpha1.SecretTemplate;
import io.mtlsoperator.kube.SecretData;
import io.mtlsoperator.kube.SecretMetadata;
import io.mtlsoperator.kube.SecretOwnership;
import io.mtlsoperator.pki.CertificateInfo;
import io.mtlsoperator.pki.Pem;
import io.mtlsoperator.pki.PrivateKeyEncoding;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The layout of a leaf certificate's Secret (type kubernetes.io/tls): tls.crt is the leaf followed
 * by every intermediate up to the root, tls.key the key, ca.crt the trust anchors; optional
 * keystores beside them.
 */
final class LeafSecret {

  static final String TLS_CRT = "tls.crt";
  static final String TLS_KEY = "tls.key";
  static final String CA_CRT = "ca.crt";

  private LeafSecret() {
  }

  /** The issued content of a leaf Secret, before it becomes Secret data. */
  record Content(X509Certificate leaf, PrivateKey key, List<X509Certificate> intermediates,
      List<X509Certificate> trustAnchors, PrivateKeyEncoding keyEncoding, Map<String, byte[]> keystores) {

    List<X509Certificate> chain() {
      List<X509Certificate> chain = new ArrayList<>();
      chain.add(leaf);
      chain.addAll(intermediates);
      return chain;
    }
  }

  /**
   * Returns the revision recorded on the Secret, or 0. Status may lag behind the Secret when a
   * reconcile reads the cache right after a write, so the count lives on the Secret.
   */
  static int revision(Secret secret) {
    String value = secret == null || secret.getMetadata().getAnnotations() == null ? null
        : secret.getMetadata().getAnnotations().get(SecretMetadata.REVISION_ANNOTATION);
    try {
      return value == null ? 0 : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static Secret desired(MtlsCertificate certificate, Content content, String issuerReference, String specDigest,
      int revision, String answeredRenewalRequest) {
    CertificateInfo info = CertificateInfo.of(content.leaf());
    SecretTemplate template = certificate.getSpec().getSecretTemplate();

    SecretBuilder builder = new SecretBuilder()
        .withNewMetadata()
          .withName(certificate.getSpec().getSecretName())
          .withNamespace(certificate.getMetadata().getNamespace())
          .addToLabels(template == null || template.getLabels() == null ? Map.of() : template.getLabels())
          .addToAnnotations(template == null || template.getAnnotations() == null ? Map.of() : template.getAnnotations())
          // Our own keys come last, so a template cannot hide which resource owns the Secret.
          .addToLabels(SecretMetadata.MANAGED_BY_LABEL, SecretMetadata.MANAGED_BY_VALUE)
          .addToLabels(SecretMetadata.CERTIFICATE_LABEL, certificate.getMetadata().getName())
          .addToAnnotations(SecretMetadata.ISSUER_ANNOTATION, issuerReference)
          .addToAnnotations(SecretMetadata.SERIAL_NUMBER_ANNOTATION, info.serialNumberHex())
          .addToAnnotations(SecretMetadata.NOT_AFTER_ANNOTATION, info.notAfter().toString())
          .addToAnnotations(SecretMetadata.COMMON_NAME_ANNOTATION, info.commonName() == null ? "" : info.commonName())
          .addToAnnotations(SecretMetadata.SPEC_DIGEST_ANNOTATION, specDigest)
          .addToAnnotations(SecretMetadata.REVISION_ANNOTATION, String.valueOf(revision))
        .endMetadata()
        .withType("kubernetes.io/tls")
        .addToData(TLS_CRT, SecretData.encode(Pem.encodeCertificates(content.chain())))
        .addToData(TLS_KEY, SecretData.encode(Pem.encodePrivateKey(content.key(), content.keyEncoding())))
        .addToData(CA_CRT, SecretData.encode(Pem.encodeCertificates(content.trustAnchors())));
    content.keystores().forEach((key, bytes) -> builder.addToData(key, SecretData.encode(bytes)));
    if (answeredRenewalRequest != null) {
      builder.editMetadata()
          .addToAnnotations(SecretMetadata.RENEWAL_REQUEST_ANNOTATION, answeredRenewalRequest)
          .endMetadata();
    }
    return SecretOwnership.markOwned(builder.build(), certificate, certificate.getSpec().isKeepSecretOnDeletion());
  }
}
