package io.mtlsoperator.lifecycle;

import io.mtlsoperator.api.v1alpha1.KeyEncoding;
import io.mtlsoperator.api.v1alpha1.NameConstraintSet;
import io.mtlsoperator.api.v1alpha1.NameConstraintsSpec;
import io.mtlsoperator.api.v1alpha1.PrivateKeySpec;
import io.mtlsoperator.api.v1alpha1.Subject;
import io.mtlsoperator.kube.GoDuration;
import io.mtlsoperator.pki.KeyAlgorithm;
import io.mtlsoperator.pki.KeySpec;
import io.mtlsoperator.pki.NameConstraints;
import io.mtlsoperator.pki.PkiException;
import io.mtlsoperator.pki.PrivateKeyEncoding;
import io.mtlsoperator.pki.SubjectName;
import java.time.Duration;
import java.util.List;

/**
 * Translates API fields into PKI requests. Input the CRD could not reject becomes a
 * ReconcileProblem with reason InvalidSpec and a message that names the field.
 */
public final class SpecTranslation {

  public static final String INVALID_SPEC = "InvalidSpec";

  private SpecTranslation() {
  }

  public static Duration duration(String field, String value) {
    try {
      Duration duration = GoDuration.parse(field, value);
      if (duration.isZero() || duration.isNegative()) {
        throw new ReconcileProblem(INVALID_SPEC, field + " must be longer than zero");
      }
      return duration;
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ReconcileProblem(INVALID_SPEC, e.getMessage(), e);
    }
  }

  /** Parses a duration that may be zero, such as a delay. */
  public static Duration durationOrZero(String field, String value) {
    try {
      return GoDuration.parse(field, value);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ReconcileProblem(INVALID_SPEC, e.getMessage(), e);
    }
  }

  public static RenewalPolicy renewalPolicy(String renewBefore, Integer renewBeforePercentage) {
    Duration before = renewBefore == null ? null : duration("spec.renewBefore", renewBefore);
    return new RenewalPolicy(before, renewBeforePercentage);
  }

  public static KeySpec keySpec(PrivateKeySpec privateKey) {
    PrivateKeySpec spec = privateKey == null ? new PrivateKeySpec() : privateKey;
    KeyAlgorithm algorithm = switch (spec.getAlgorithm() == null ? io.mtlsoperator.api.v1alpha1.KeyAlgorithmName.ECDSA
        : spec.getAlgorithm()) {
      case ECDSA -> KeyAlgorithm.ECDSA;
      case RSA -> KeyAlgorithm.RSA;
      case Ed25519 -> KeyAlgorithm.ED25519;
    };
    try {
      return KeySpec.of(algorithm, spec.getSize());
    } catch (PkiException e) {
      throw new ReconcileProblem(INVALID_SPEC, e.getMessage(), e);
    }
  }

  public static PrivateKeyEncoding keyEncoding(PrivateKeySpec privateKey) {
    if (privateKey == null || privateKey.getEncoding() != KeyEncoding.PKCS1) {
      return PrivateKeyEncoding.PKCS8;
    }
    return PrivateKeyEncoding.PKCS1;
  }

  /** Builds the subject; {@code commonName} wins over subject.commonName when set. */
  public static SubjectName subject(Subject subject, String commonName) {
    Subject fields = subject == null ? new Subject() : subject;
    String cn = commonName != null ? commonName : fields.getCommonName();
    return new SubjectName(cn, fields.getOrganizations(), fields.getOrganizationalUnits(), fields.getCountries(),
        fields.getLocalities(), fields.getProvinces());
  }

  public static NameConstraints nameConstraints(NameConstraintsSpec spec) {
    if (spec == null) {
      return NameConstraints.none();
    }
    NameConstraintSet permitted = spec.getPermitted() == null ? new NameConstraintSet() : spec.getPermitted();
    NameConstraintSet excluded = spec.getExcluded() == null ? new NameConstraintSet() : spec.getExcluded();
    return new NameConstraints(list(permitted.getDnsDomains()), list(excluded.getDnsDomains()),
        list(permitted.getIpRanges()), list(excluded.getIpRanges()),
        list(permitted.getUriDomains()), list(excluded.getUriDomains()));
  }

  private static List<String> list(List<String> values) {
    return values == null ? List.of() : values;
  }
}
