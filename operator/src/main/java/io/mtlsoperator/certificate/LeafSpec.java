package io.mtlsoperator.certificate;

import io.mtlsoperator.api.v1alpha1.Keystores;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.api.v1alpha1.MtlsCertificateSpec;
import io.mtlsoperator.lifecycle.RenewalPolicy;
import io.mtlsoperator.lifecycle.SpecDigest;
import io.mtlsoperator.lifecycle.SpecTranslation;
import io.mtlsoperator.pki.CertificateUsage;
import io.mtlsoperator.pki.KeySpec;
import io.mtlsoperator.pki.LeafRequest;
import io.mtlsoperator.pki.PrivateKeyEncoding;
import io.mtlsoperator.pki.SubjectAlternativeNames;
import io.mtlsoperator.pki.CertificateInfo;
import io.mtlsoperator.pki.Names;
import io.mtlsoperator.pki.PkiException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** An MtlsCertificate's spec translated into what the PKI package needs, with its digest. */
record LeafSpec(LeafRequest request, KeySpec keySpec, PrivateKeyEncoding keyEncoding, RenewalPolicy renewal,
    String digest) {

  static LeafSpec of(MtlsCertificate certificate, String issuerReference) {
    MtlsCertificateSpec spec = certificate.getSpec();
    CertificateUsage usage = switch (spec.getUsage()) {
      case Server -> CertificateUsage.SERVER;
      case Client -> CertificateUsage.CLIENT;
      case ServerAndClient -> CertificateUsage.SERVER_AND_CLIENT;
    };
    LeafRequest request = new LeafRequest(
        SpecTranslation.subject(spec.getSubject(), spec.getCommonName()),
        new SubjectAlternativeNames(list(spec.getDnsNames()), list(spec.getIpAddresses()), list(spec.getUris()),
            list(spec.getEmailAddresses())),
        usage,
        SpecTranslation.duration("spec.duration", spec.getDuration()));
    KeySpec keySpec = SpecTranslation.keySpec(spec.getPrivateKey());
    PrivateKeyEncoding encoding = SpecTranslation.keyEncoding(spec.getPrivateKey());
    RenewalPolicy renewal = SpecTranslation.renewalPolicy(spec.getRenewBefore(), spec.getRenewBeforePercentage());

    String digest = SpecDigest.of(issuerReference, usage, request.subject(), request.subjectAlternativeNames(),
        spec.getDuration(), keySpec, encoding, keystoreSettings(spec.getKeystores()));
    return new LeafSpec(request, keySpec, encoding, renewal, digest);
  }

  /**
   * Tells whether an issued certificate carries exactly the names, usage and key this spec
   * requests. A hand-edited Secret whose certificate differs is re-issued, even though its digest
   * annotation still matches.
   */
  boolean matches(CertificateInfo issued) {
    SubjectAlternativeNames names = request.subjectAlternativeNames();
    try {
      return Set.copyOf(issued.dnsNames()).equals(normalized(names.dnsNames(), Names::normalizeDnsName))
          && Set.copyOf(issued.ipAddresses()).equals(normalized(names.ipAddresses(), Names::canonicalIpAddress))
          && Set.copyOf(issued.uris()).equals(normalized(names.uris(), Names::normalizeUri))
          && Set.copyOf(issued.emailAddresses()).equals(normalized(names.emailAddresses(),
              Names::normalizeEmailAddress))
          && issued.usage().equals(Optional.of(request.usage()))
          && issued.keySpec().equals(keySpec);
    } catch (PkiException e) {
      // A name the PKI package rejects cannot match; the issue that follows reports it.
      return false;
    }
  }

  private static Set<String> normalized(List<String> names, UnaryOperator<String> normalizer) {
    return names.stream().map(normalizer).collect(Collectors.toSet());
  }

  private static String keystoreSettings(Keystores keystores) {
    if (keystores == null) {
      return "none";
    }
    return describe("pkcs12", keystores.getPkcs12()) + ";" + describe("jks", keystores.getJks());
  }

  private static String describe(String format, io.mtlsoperator.api.v1alpha1.KeystoreSpec keystore) {
    return keystore == null ? format + "=none"
        : format + "=" + keystore.getPasswordSecretRef().getName() + "/" + keystore.getPasswordSecretRef().getKey();
  }

  private static List<String> list(List<String> values) {
    return values == null ? List.of() : values;
  }
}
