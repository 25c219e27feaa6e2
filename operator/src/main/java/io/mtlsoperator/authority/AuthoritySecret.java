package io.mtlsoperator.authority;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.kube.SecretData;
import io.mtlsoperator.kube.SecretMetadata;
import io.mtlsoperator.kube.SecretOwnership;
import io.mtlsoperator.pki.CaMaterial;
import io.mtlsoperator.pki.CertificateInfo;
import io.mtlsoperator.pki.Pem;
import io.mtlsoperator.pki.PrivateKeyEncoding;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The layout of an authority's Secret: tls.crt contains the CA certificate and the intermediates
 * above it, tls.key its key, ca.crt the root. This is the layout cert-manager users know.
 */
public final class AuthoritySecret {

  public static final String TLS_CRT = "tls.crt";
  public static final String TLS_KEY = "tls.key";
  public static final String CA_CRT = "ca.crt";

  private AuthoritySecret() {
  }

  /**
   * Reads the CA material, or returns empty when tls.crt or tls.key is missing. Throws
   * PkiException when they are present but unreadable.
   */
  public static Optional<CaMaterial> read(Secret secret) {
    Optional<String> certificates = SecretData.text(secret, TLS_CRT);
    Optional<String> key = SecretData.text(secret, TLS_KEY);
    if (certificates.isEmpty() || key.isEmpty()) {
      return Optional.empty();
    }
    List<X509Certificate> chain = new ArrayList<>(Pem.parseCertificates(certificates.get()));
    PrivateKey privateKey = Pem.parsePrivateKey(key.get());
    Optional<String> root = SecretData.text(secret, CA_CRT);
    if (root.isPresent()) {
      X509Certificate anchor = Pem.parseCertificates(root.get()).get(0);
      if (!chain.get(chain.size() - 1).equals(anchor)) {
        chain.add(anchor);
      }
    }
    return Optional.of(new CaMaterial(chain.get(0), privateKey, List.copyOf(chain)));
  }

  /** Builds the Secret the operator applies for {@code authority}. */
  public static Secret desired(CertificateAuthority authority, CaMaterial material, String specDigest,
      String issuerDescription) {
    List<X509Certificate> certificateAndIntermediates = new ArrayList<>();
    certificateAndIntermediates.add(material.certificate());
    material.intermediates().stream().skip(1).forEach(certificateAndIntermediates::add);
    CertificateInfo info = CertificateInfo.of(material.certificate());

    return new SecretBuilder()
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
          .withOwnerReferences(SecretOwnership.controllerReference(authority))
        .endMetadata()
        .withType("kubernetes.io/tls")
        .addToData(TLS_CRT, SecretData.encode(Pem.encodeCertificates(certificateAndIntermediates)))
        .addToData(TLS_KEY, SecretData.encode(Pem.encodePrivateKey(material.privateKey(), PrivateKeyEncoding.PKCS8)))
        .addToData(CA_CRT, SecretData.encode(Pem.encodeCertificates(List.of(material.root()))))
        .build();
  }
}
