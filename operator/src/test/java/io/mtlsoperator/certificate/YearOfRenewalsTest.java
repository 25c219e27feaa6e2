package io.mtlsoperator.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.api.v1alpha1.CertificateAuthoritySpec;
import io.mtlsoperator.api.v1alpha1.CertificateUsageName;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.api.v1alpha1.MtlsCertificateSpec;
import io.mtlsoperator.api.v1alpha1.IssuerReference;
import io.mtlsoperator.api.v1alpha1.SelfSigned;
import io.mtlsoperator.authority.AuthorityIssuance;
import io.mtlsoperator.authority.AuthoritySecret;
import io.mtlsoperator.authority.AuthorityState;
import io.mtlsoperator.authority.ResolvedIssuer;
import io.mtlsoperator.lifecycle.KeySource;
import io.mtlsoperator.lifecycle.Signatures;
import io.mtlsoperator.pki.CertificateIssuer;
import io.mtlsoperator.pki.KeyPairFactory;
import io.mtlsoperator.pki.Pem;
import io.mtlsoperator.kube.SecretData;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A year of renewals in a simulated clock, with no cluster: a root CA that lives 120 days and
 * rotates its key, and a leaf that lives 30 days. At every step the leaf must be valid, must not
 * outlive the root, and must verify against the trust anchors in its own ca.crt.
 */
class YearOfRenewalsTest {

  private static final Instant START = Instant.parse("2027-01-01T00:00:00Z");
  private static final Duration YEAR = Duration.ofDays(365);
  private static final Duration ROOT_LIFETIME = Duration.ofDays(120);
  private static final Duration LEAF_LIFETIME = Duration.ofDays(30);
  private static final Duration PROPAGATION = Duration.ofMinutes(2);

  /** A clock the test moves forward by hand. */
  private static final class SteppedClock extends Clock {
    private Instant now = START;

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void yearOfRenewalsKeepsLeafValid() {
    SteppedClock clock = new SteppedClock();
    CertificateIssuer issuer = new CertificateIssuer(clock);
    KeySource keys = new KeySource(new KeyPairFactory());
    AuthorityIssuance authorityIssuance = new AuthorityIssuance(issuer, keys, clock);
    List<String> renewalRequests = new ArrayList<>();
    LeafIssuance leafIssuance = new LeafIssuance(issuer, keys,
        new IssuerLifetime((authority, value) -> renewalRequests.add(value), clock), clock);

    CertificateAuthority root = root();
    MtlsCertificate leaf = leaf();
    Secret rootSecret = null;
    Secret leafSecret = null;
    List<String> rootSerials = new ArrayList<>();
    List<String> leafSerials = new ArrayList<>();
    int steps = 0;

    while (clock.now.isBefore(START.plus(YEAR))) {
      AuthorityIssuance.Result authority = authorityIssuance.ensure(root, rootSecret, null);
      rootSecret = AuthoritySecret.desired(root, authority.state(), authority.specDigest(), "self-signed", null);
      AuthorityState state = authority.state();
      remember(rootSerials, state.active().certificate());

      ResolvedIssuer resolved = new ResolvedIssuer(root, state.active(), state.trustAnchors());
      LeafSpec spec = LeafSpec.of(leaf, resolved.reference());
      LeafIssuance.Result issued = leafIssuance.ensure(leaf, spec, leafSecret, resolved);
      LeafSecret.Content content = new LeafSecret.Content(issued.leaf(), issued.key(), List.of(),
          state.trustAnchors(), spec.keyEncoding(), Map.of());
      leafSecret = LeafSecret.desired(leaf, content, resolved.reference(), spec.digest(), leafSerials.size() + 1, null);
      remember(leafSerials, issued.leaf());

      X509Certificate current = issued.leaf();
      assertThat(clock.now).isBetween(current.getNotBefore().toInstant(), current.getNotAfter().toInstant());
      assertThat(current.getNotAfter()).isBeforeOrEqualTo(state.active().certificate().getNotAfter());
      List<X509Certificate> anchors = Pem.parseCertificates(SecretData.text(leafSecret, "ca.crt").orElseThrow());
      assertThat(anchors).anySatisfy(anchor -> assertThat(Signatures.isSignedBy(current, anchor)).isTrue());

      Instant leafRenewal = spec.renewal().renewalTime(current.getNotBefore().toInstant(),
          current.getNotAfter().toInstant(), current.getSerialNumber().longValue());
      Instant rootNext = state.promotionTime().orElse(renewalOfRoot(state));
      Instant next = leafRenewal.isBefore(rootNext) ? leafRenewal : rootNext;
      clock.now = next.isAfter(clock.now) ? next : clock.now.plusSeconds(1);
      steps++;
    }

    long expectedLeafIssuesAtLeast = YEAR.toDays() / LEAF_LIFETIME.toDays();
    assertThat(leafSerials).hasSizeGreaterThan((int) expectedLeafIssuesAtLeast);
    assertThat(rootSerials).hasSizeGreaterThanOrEqualTo((int) (YEAR.toDays() / ROOT_LIFETIME.toDays()));
    assertThat(renewalRequests).isEmpty();
    assertThat(steps).isLessThan(1000);
  }

  private static Instant renewalOfRoot(AuthorityState state) {
    X509Certificate certificate = state.active().certificate();
    Duration lifetime = Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
    // Renewal at two thirds of the lifetime at the latest; jitter only moves it earlier.
    return certificate.getNotBefore().toInstant().plus(lifetime.multipliedBy(2).dividedBy(3));
  }

  private static void remember(List<String> serials, X509Certificate certificate) {
    String serial = certificate.getSerialNumber().toString(16);
    if (serials.isEmpty() || !serials.get(serials.size() - 1).equals(serial)) {
      serials.add(serial);
    }
  }

  private static CertificateAuthority root() {
    CertificateAuthority root = new CertificateAuthority();
    root.setMetadata(new ObjectMetaBuilder().withNamespace("simulation").withName("root").withUid("root-uid")
        .build());
    CertificateAuthoritySpec spec = new CertificateAuthoritySpec();
    spec.setSelfSigned(new SelfSigned());
    spec.setDuration(ROOT_LIFETIME.toHours() + "h");
    spec.setTrustPropagationDelay(PROPAGATION.toMinutes() + "m");
    root.setSpec(spec);
    return root;
  }

  private static MtlsCertificate leaf() {
    MtlsCertificate leaf = new MtlsCertificate();
    leaf.setMetadata(new ObjectMetaBuilder().withNamespace("simulation").withName("leaf").withUid("leaf-uid")
        .build());
    MtlsCertificateSpec spec = new MtlsCertificateSpec();
    spec.setIssuerRef(new IssuerReference("root", null));
    spec.setUsage(CertificateUsageName.ServerAndClient);
    spec.setDnsNames(List.of("service.simulation.svc"));
    spec.setDuration(LEAF_LIFETIME.toHours() + "h");
    spec.setSecretName("leaf-tls");
    leaf.setSpec(spec);
    return leaf;
  }
}
