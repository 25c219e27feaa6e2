package io.mtlsoperator.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.junit.jupiter.api.Test;

class AlternativeNamesTest {

    @Test
    void encodedNamesDecodeToTheSameNames() {
        SubjectAlternativeNames names = new SubjectAlternativeNames(List.of("a.example.com"), List.of("10.0.0.1", "fd00::1"),
                List.of("spiffe://cluster.local/ns/a/sa/b"), List.of("ops@example.com")).normalized();

        assertThat(AlternativeNames.decode(AlternativeNames.encode(names))).isEqualTo(names);
    }

    @Test
    void ipAddressesAreEncodedAsRawOctets() {
        GeneralName[] encoded = AlternativeNames.encode(new SubjectAlternativeNames(null, List.of("::1"), null, null)).getNames();

        assertThat(encoded).hasSize(1);
        assertThat(encoded[0].getTagNo()).isEqualTo(GeneralName.iPAddress);
        assertThat(DEROctetString.getInstance(encoded[0].getName()).getOctets()).hasSize(16);
    }

    @Test
    void decodingNormalizesUpperCaseNamesFromImportedCertificates() {
        GeneralNames names = new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "WWW.Example.COM"),
            new GeneralName(GeneralName.directoryName, "CN=ignored")
        });

        SubjectAlternativeNames decoded = AlternativeNames.decode(names);

        assertThat(decoded.dnsNames()).containsExactly("www.example.com");
        assertThat(decoded.ipAddresses()).isEmpty();
    }

    @Test
    void undecodableDnsNameIsKeptAsWritten() {
        GeneralNames names = new GeneralNames(new GeneralName(GeneralName.dNSName, "bad_name.example.com"));

        assertThat(AlternativeNames.decode(names).dnsNames()).containsExactly("bad_name.example.com");
    }
}
