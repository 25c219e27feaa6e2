package io.mtlsoperator.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameConstraintsCheckTest {

    private static CaMaterial constrainedRoot(NameConstraints constraints) {
        return TestPki.root(new CaRequest(SubjectName.ofCommonName("Constrained Root"), Duration.ofDays(30), null, constraints));
    }

    private static NameConstraints dns(List<String> permitted, List<String> excluded) {
        return new NameConstraints(permitted, excluded, null, null, null, null);
    }

    private static LeafRequest request(SubjectName subject, SubjectAlternativeNames names) {
        return new LeafRequest(subject, names, CertificateUsage.SERVER_AND_CLIENT, Duration.ofDays(1));
    }

    private static void issue(CaMaterial issuer, SubjectAlternativeNames names) {
        TestPki.issuer().leaf(request(null, names), TestPki.key("leaf").getPublic(), issuer);
    }

    @Test
    void dnsNameInsidePermittedDomainIsIssued() {
        CaMaterial root = constrainedRoot(dns(List.of("example.com"), null));

        assertThatCode(() -> issue(root, SubjectAlternativeNames.ofDnsNames("example.com", "a.b.example.com")))
                .doesNotThrowAnyException();
    }

    @Test
    void outsideDnsNameIsRejected() {
        CaMaterial root = constrainedRoot(dns(List.of("example.com"), null));

        assertThatThrownBy(() -> issue(root, SubjectAlternativeNames.ofDnsNames("a.example.com", "evil.org")))
                .isInstanceOf(PkiException.class)
                .hasMessage("dnsNames \"evil.org\" is outside the name constraints of CA \"CN=Constrained Root\": "
                        + "the permitted DNS subtrees are [example.com]");
    }

    @Test
    void leadingDotPermitsSubdomainsOnly() {
        CaMaterial root = constrainedRoot(dns(List.of(".example.com"), null));

        assertThatCode(() -> issue(root, SubjectAlternativeNames.ofDnsNames("a.example.com"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> issue(root, SubjectAlternativeNames.ofDnsNames("example.com")))
                .hasMessageContaining("permitted DNS subtrees are [.example.com]");
    }

    @Test
    void suffixWithoutLabelBoundaryIsNotInside() {
        CaMaterial root = constrainedRoot(dns(List.of("example.com"), null));

        assertThatThrownBy(() -> issue(root, SubjectAlternativeNames.ofDnsNames("badexample.com")))
                .hasMessageContaining("\"badexample.com\" is outside");
    }

    @Test
    void dnsNameInExcludedDomainIsRejected() {
        CaMaterial root = constrainedRoot(dns(null, List.of("internal.example.com")));

        assertThatThrownBy(() -> issue(root, SubjectAlternativeNames.ofDnsNames("db.internal.example.com")))
                .hasMessageEndingWith("it is within the excluded DNS subtrees [internal.example.com]");
    }

    @Test
    void ipAddressOutsidePermittedRangeIsRejected() {
        CaMaterial root = constrainedRoot(new NameConstraints(null, null, List.of("10.0.0.0/8", "fd00::/8"), null, null, null));
        SubjectAlternativeNames inside = new SubjectAlternativeNames(null, List.of("10.1.2.3", "fd00::1"), null, null);
        SubjectAlternativeNames outside = new SubjectAlternativeNames(null, List.of("192.168.1.1"), null, null);

        assertThatCode(() -> issue(root, inside)).doesNotThrowAnyException();
        assertThatThrownBy(() -> issue(root, outside))
                .hasMessageContaining("ipAddresses \"192.168.1.1\" is outside")
                .hasMessageContaining("[10.0.0.0/8, fd00::/8]");
    }

    @Test
    void ipAddressInExcludedRangeIsRejected() {
        CaMaterial root = constrainedRoot(new NameConstraints(null, null, null, List.of("169.254.0.0/16"), null, null));
        SubjectAlternativeNames names = new SubjectAlternativeNames(null, List.of("169.254.169.254"), null, null);

        assertThatThrownBy(() -> issue(root, names)).hasMessageContaining("excluded IP subtrees [169.254.0.0/16]");
    }

    @Test
    void uriHostOutsidePermittedDomainIsRejected() {
        CaMaterial root = constrainedRoot(new NameConstraints(null, null, null, null, List.of("cluster.local"), null));
        SubjectAlternativeNames inside = new SubjectAlternativeNames(null, null, List.of("spiffe://cluster.local/ns/a/sa/b"), null);
        SubjectAlternativeNames outside = new SubjectAlternativeNames(null, null, List.of("spiffe://other.domain/ns/a/sa/b"), null);

        assertThatCode(() -> issue(root, inside)).doesNotThrowAnyException();
        assertThatThrownBy(() -> issue(root, outside)).hasMessageContaining("permitted URI subtrees are [cluster.local]");
    }

    @Test
    void rootConstraintAppliesThroughIntermediate() {
        CaMaterial root = constrainedRoot(dns(List.of("example.com"), null));
        CaMaterial intermediate = TestPki.intermediate("Free Intermediate", root);

        assertThatThrownBy(() -> issue(intermediate, SubjectAlternativeNames.ofDnsNames("evil.org")))
                .hasMessageContaining("of CA \"CN=Constrained Root\"");
    }

    @Test
    void hostCommonNameIsChecked() {
        CaMaterial root = constrainedRoot(dns(List.of("example.com"), null));
        LeafRequest request = request(SubjectName.ofCommonName("service.evil.org"), null);

        assertThatThrownBy(() -> TestPki.issuer().leaf(request, TestPki.key("leaf").getPublic(), root))
                .hasMessageStartingWith("commonName \"service.evil.org\" is outside");
    }

    @Test
    void singleLabelCommonNameIsChecked() {
        CaMaterial root = constrainedRoot(dns(List.of("example.com"), null));
        LeafRequest request = request(SubjectName.ofCommonName("alice"), null);

        assertThatThrownBy(() -> TestPki.issuer().leaf(request, TestPki.key("leaf").getPublic(), root))
                .hasMessage("commonName \"alice\" is outside the name constraints of CA \"CN=Constrained Root\": the permitted "
                        + "DNS subtrees are [example.com]. Java peers check the commonName as a host name or IP address when "
                        + "the certificate has no SAN of that type, so add such a SAN inside the constraints or use a "
                        + "commonName that is neither");
    }

    @Test
    void nonHostCommonNameIsIgnored() {
        CaMaterial root = constrainedRoot(dns(List.of("example.com"), null));
        LeafRequest request = request(SubjectName.ofCommonName("Alice Example"), null);

        assertThatCode(() -> TestPki.issuer().leaf(request, TestPki.key("leaf").getPublic(), root)).doesNotThrowAnyException();
    }

    @Test
    void commonNameIsNotCheckedBesideDnsNames() {
        CaMaterial root = constrainedRoot(dns(List.of("example.com"), null));
        LeafRequest request = request(SubjectName.ofCommonName("alice"), SubjectAlternativeNames.ofDnsNames("alice.example.com"));

        assertThatCode(() -> TestPki.issuer().leaf(request, TestPki.key("leaf").getPublic(), root)).doesNotThrowAnyException();
    }

    @Test
    void ipCommonNameIsChecked() {
        CaMaterial root = constrainedRoot(new NameConstraints(null, null, List.of("10.0.0.0/8"), null, null, null));
        LeafRequest request = request(SubjectName.ofCommonName("192.168.0.1"), null);

        assertThatThrownBy(() -> TestPki.issuer().leaf(request, TestPki.key("leaf").getPublic(), root))
                .hasMessageStartingWith("commonName \"192.168.0.1\" is outside");
    }

    @Test
    void otherNameTypesAreUnaffected() {
        CaMaterial root = constrainedRoot(dns(List.of("example.com"), null));
        SubjectAlternativeNames names = new SubjectAlternativeNames(null, List.of("10.0.0.1"), null, List.of("a@other.org"));

        assertThatCode(() -> issue(root, names)).doesNotThrowAnyException();
        assertThat(names.isEmpty()).isFalse();
    }
}
