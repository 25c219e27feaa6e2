package io.mtlsoperator.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bouncycastle.asn1.ASN1PrintableString;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;

class DistinguishedNamesTest {

    @Test
    void leafCommonNameComesFromFirstDnsName() {
        X500Name name = DistinguishedNames.forLeaf(SubjectName.empty(), SubjectAlternativeNames.ofDnsNames("a.example.com", "b.example.com"));

        assertThat(DistinguishedNames.commonNameOf(name)).isEqualTo("a.example.com");
    }

    @Test
    void leafWithoutDnsNameGetsEmptySubject() {
        SubjectAlternativeNames names = new SubjectAlternativeNames(null, List.of("10.0.0.1"), null, null);

        assertThat(DistinguishedNames.isEmpty(DistinguishedNames.forLeaf(SubjectName.empty(), names))).isTrue();
    }

    @Test
    void derivedCommonNameOver64CharactersIsLeftOut() {
        String longName = "a".repeat(60) + ".example.com";
        SubjectName subject = new SubjectName(null, List.of("Team"), null, null, null, null);

        X500Name name = DistinguishedNames.forLeaf(subject, SubjectAlternativeNames.ofDnsNames(longName));

        assertThat(DistinguishedNames.commonNameOf(name)).isEmpty();
        assertThat(name.getRDNs(BCStyle.O)).hasSize(1);
    }

    @Test
    void userCommonNameOver64CharactersIsRejected() {
        SubjectName subject = SubjectName.ofCommonName("x".repeat(65));

        assertThatThrownBy(() -> DistinguishedNames.forLeaf(subject, SubjectAlternativeNames.none()))
                .isInstanceOf(PkiException.class)
                .hasMessageStartingWith("commonName is 65 characters long, but X.509 allows at most 64");
    }

    @Test
    void commonNameOf64CharactersIsAccepted() {
        SubjectName subject = SubjectName.ofCommonName("x".repeat(64));

        assertThat(DistinguishedNames.commonNameOf(DistinguishedNames.forCa(subject))).hasSize(64);
    }

    @Test
    void userCommonNameWinsOverDnsName() {
        X500Name name = DistinguishedNames.forLeaf(SubjectName.ofCommonName("payments"), SubjectAlternativeNames.ofDnsNames("a.example.com"));

        assertThat(DistinguishedNames.commonNameOf(name)).isEqualTo("payments");
    }

    @Test
    void caWithEmptySubjectIsRejected() {
        assertThatThrownBy(() -> DistinguishedNames.forCa(SubjectName.empty()))
                .hasMessageStartingWith("subject is empty: a CA certificate needs a subject");
    }

    @Test
    void attributesAreEncodedInConventionalOrderAndTypes() {
        SubjectName subject = new SubjectName("Root", List.of("Example Corp"), List.of("Platform"), List.of("de"),
                List.of("Walldorf"), List.of("Baden-Württemberg"));

        X500Name name = DistinguishedNames.forCa(subject);

        assertThat(name.toString()).isEqualTo("C=DE,ST=Baden-Württemberg,L=Walldorf,O=Example Corp,OU=Platform,CN=Root");
        assertThat(name.getRDNs(BCStyle.C)[0].getFirst().getValue()).isInstanceOf(ASN1PrintableString.class);
        assertThat(name.getRDNs(BCStyle.CN)[0].getFirst().getValue()).isInstanceOf(ASN1UTF8String.class);
    }

    @Test
    void invalidCountryIsRejected() {
        SubjectName subject = new SubjectName("Root", null, null, List.of("Germany"), null, null);

        assertThatThrownBy(() -> DistinguishedNames.forCa(subject))
                .hasMessage("countries[0] \"Germany\" is not a two-letter ISO 3166 country code, such as DE or US");
    }

    @Test
    void organizationOver64CharactersIsRejected() {
        SubjectName subject = new SubjectName("Root", List.of("o".repeat(65)), null, null, null, null);

        assertThatThrownBy(() -> DistinguishedNames.forCa(subject)).hasMessageStartingWith("organizations[0] is 65 characters long");
    }

    @Test
    void blankCommonNameIsRejected() {
        assertThatThrownBy(() -> DistinguishedNames.forCa(SubjectName.ofCommonName("  "))).hasMessageStartingWith("commonName is blank");
    }
}
