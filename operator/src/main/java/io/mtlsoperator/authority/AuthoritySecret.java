package io.mtlsoperator.authority;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.kube.SecretData;
import io.mtlsoperator.kube.SecretMetadata;
import io.mtlsoperator.kube.SecretOwnership;
import io.mtlsoperator.lifecycle.StatusTimes;
import io.mtlsoperator.pki.CaMaterial;
import io.mtlsoperator.pki.CertificateInfo;
import io.mtlsoperator.pki.Pem;
import io.mtlsoperator.pki.PrivateKeyEncoding;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The layout of an authority's Secret, the one cert-manager users know plus the rotation keys.
 * tls.crt is the CA certificate and the intermediates above it, tls.key its key, and ca.crt
 * every trust anchor (active root first). During a rotation, pending.crt and pending.key contain
 * the renewed certificate and new key until its promotion time.
 */
public final class AuthoritySecret {

  public static final String TLS_CRT = "tls.crt";
  public static final String TLS_KEY = "tls.key";
  public static final String CA_CRT = "ca.crt";
  public static final String PENDING_CRT = "pending.crt";
  public static final String PENDING_KEY = "pending.key";

  private AuthoritySecret() {
  }

  /**
   * Reads the authority's state, or returns empty when tls.crt or tls.key is missing. Throws
   * PkiException when they are present but unreadable.
   */
  public static Optional<AuthorityState> read(Secret secret) {
    Optional<String> certificates = SecretData.text(secret, TLS_CRT);
    Optional<String> key = SecretData.text(secret, TLS_KEY);
    if (certificates.isEmpty() || key.isEmpty()) {
      return Optional.empty();
    }
    List<X509Certificate> anchors = SecretData.text(secret, CA_CRT).map(Pem::parseCertificates).orElse(List.of());
    CaMaterial active = material(certificates.get(), key.get(), anchors);

    Optional<String> pendingCertificates = SecretData.text(secret, PENDING_CRT);
    Optional<String> pendingKey = SecretData.text(secret, PENDING_KEY);
    Optional<String> promotion = Optional.ofNullable(secret.getMetadata().getAnnotations())
        .map(annotations -> annotations.get(SecretMetadata.PROMOTION_TIME_ANNOTATION));
    if (pendingCertificates.isEmpty() || pendingKey.isEmpty() || promotion.isEmpty()) {
      return Optional.of(AuthorityState.of(active, anchors.isEmpty() ? List.of(active.root()) : anchors));
    }
    CaMaterial pending = material(pendingCertificates.get(), pendingKey.get(), anchors);
    return Optional.of(new AuthorityState(active, Optional.of(pending), Optional.of(Instant.parse(promotion.get())),
        anchors));
  }

  /** Reads the state, or returns empty when the Secret is missing, incomplete or unreadable. */
  public static Optional<AuthorityState> readQuietly(Secret secret) {
    if (secret == null) {
      return Optional.empty();
    }
    try {
      return read(secret);
    } catch (io.mtlsoperator.pki.PkiException | IllegalArgumentException | java.time.DateTimeException e) {
      // A new issue repairs unreadable content, with the reason InvalidSecretData.
      return Optional.empty();
    }
  }

  private static CaMaterial material(String certificatesPem, String keyPem, List<X509Certificate> anchors) {
    List<X509Certificate> chain = ChainCompletion.withRoot(Pem.parseCertificates(certificatesPem), anchors);
    PrivateKey privateKey = Pem.parsePrivateKey(keyPem);
    return new CaMaterial(chain.get(0), privateKey, List.copyOf(chain));
  }

  /** Builds the Secret the operator applies for {@code authority}. */
  public static Secret desired(CertificateAuthority authority, AuthorityState state, String specDigest,
      String issuerDescription, String answeredRenewalRequest) {
    CaMaterial active = state.active();
    CertificateInfo info = CertificateInfo.of(active.certificate());

    SecretBuilder builder = new SecretBuilder()
        .withNewMetadata()
          .withName(authority.secretName())
          .withNamespace(authority.getMetadata().getNamespace())
          .addToLabels(SecretMetadata.MANAGED_BY_LABEL, SecretMetadata.MANAGED_BY_VALUE)
          .addToLabels(SecretMetadata.AUTHORITY_LABEL, authority.getMetadata().getName())
          .addToAnnotations(SecretMetadata.ISSUER_ANNOTATION, issuerDescription)
          .addToAnnotations(SecretMetadata.SERIAL_NUMBER_ANNOTATION, info.serialNumberHex())
          .addToAnnotations(SecretMetadata.NOT_AFTER_ANNOTATION, info.notAfter().toString())
          .addToAnnotations(SecretMetadata.COMMON_NAME_ANNOTATION, info.commonName() == null ? "" : info.commonName())
          .addToAnnotations(SecretMetadata.SPEC_DIGEST_ANNOTATION, specDigest)
        .endMetadata()
        .withType("kubernetes.io/tls")
        .addToData(TLS_CRT, SecretData.encode(Pem.encodeCertificates(withoutRoot(active))))
        .addToData(TLS_KEY, SecretData.encode(Pem.encodePrivateKey(active.privateKey(), PrivateKeyEncoding.PKCS8)))
        .addToData(CA_CRT, SecretData.encode(Pem.encodeCertificates(state.trustAnchors())));

    if (answeredRenewalRequest != null) {
      builder.editMetadata()
          .addToAnnotations(SecretMetadata.RENEWAL_REQUEST_ANNOTATION, answeredRenewalRequest)
          .endMetadata();
    }
    if (state.pending().isPresent()) {
      CaMaterial pending = state.pending().get();
      builder.editMetadata()
          .addToAnnotations(SecretMetadata.PROMOTION_TIME_ANNOTATION, StatusTimes.format(state.promotionTime().get()))
          .endMetadata()
          .addToData(PENDING_CRT, SecretData.encode(Pem.encodeCertificates(withoutRoot(pending))))
          .addToData(PENDING_KEY, SecretData.encode(Pem.encodePrivateKey(pending.privateKey(),
              PrivateKeyEncoding.PKCS8)));
    }
    return SecretOwnership.markOwned(builder.build(), authority, authority.getSpec().isKeepSecretOnDeletion());
  }

  /** Returns the certificate and the intermediates above it; a root CA's tls.crt is the root itself. */
  private static List<X509Certificate> withoutRoot(CaMaterial material) {
    List<X509Certificate> certificates = new ArrayList<>();
    certificates.add(material.certificate());
    material.intermediates().stream().skip(1).forEach(certificates::add);
    return certificates;
  }
}
