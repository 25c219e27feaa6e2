package io.mtlsoperator.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

class CaMaterialParserTest {

    private final CaMaterialParser parser = new CaMaterialParser(TestPki.CLOCK);
    private final CaMaterial root = TestPki.root("Imported Root");
    private final CaMaterial intermediate = TestPki.intermediate("Imported Intermediate", root);

    private static String pem(X509Certificate... certificates) {
        return Pem.encodeCertificates(List.of(certificates));
    }

    private static String key(CaMaterial ca) {
        return Pem.encodePrivateKey(ca.privateKey(), PrivateKeyEncoding.PKCS8);
    }

    @Test
    void selfSignedRootIsImported() {
        CaMaterial imported = parser.parse(pem(root.certificate()), key(root), null);

        assertThat(imported.certificate()).isEqualTo(root.certificate());
        assertThat(imported.chain()).containsExactly(root.certificate());
        assertThat(KeyMatch.matches(root.certificate().getPublicKey(), imported.privateKey())).isTrue();
    }

    @Test
    void intermediateWithRootInCaCrtIsImported() {
        CaMaterial imported = parser.parse(pem(intermediate.certificate()), key(intermediate), pem(root.certificate()));

        assertThat(imported.chain()).containsExactly(intermediate.certificate(), root.certificate());
        assertThat(imported.root()).isEqualTo(root.certificate());
    }

    @Test
    void shuffledCrlfPemIsImported() {
        String tlsCrt = ("# exported by hand\r\n" + pem(root.certificate(), intermediate.certificate())).replace("\n", "\r\n");
        String tlsKey = Pem.encodePrivateKey(intermediate.privateKey(), PrivateKeyEncoding.SEC1).replace("\n", "\r\n");

        CaMaterial imported = parser.parse(tlsCrt, tlsKey, "");

        assertThat(imported.certificate()).isEqualTo(intermediate.certificate());
        assertThat(imported.chain()).containsExactly(intermediate.certificate(), root.certificate());
    }

    @Test
    void unrelatedCertificatesInCaCrtAreIgnored() {
        CaMaterial other = TestPki.root("Unrelated Root");

        CaMaterial imported = parser.parse(pem(intermediate.certificate()), key(intermediate),
                pem(other.certificate(), root.certificate()));

        assertThat(imported.chain()).containsExactly(intermediate.certificate(), root.certificate());
    }

    @Test
    void keyThatMatchesNoCertificateIsRejected() {
        assertThatThrownBy(() -> parser.parse(pem(root.certificate()), key(intermediate), null))
                .isInstanceOf(InvalidCaMaterialException.class)
                .hasMessage("tls.key does not match the certificate in tls.crt");
    }

    @Test
    void keyMatchingNoneOfSeveralIsRejected() {
        CaMaterial other = TestPki.root("Unrelated Root");

        assertThatThrownBy(() -> parser.parse(pem(root.certificate(), intermediate.certificate()), key(other), null))
                .hasMessage("tls.key does not match any of the 2 certificates in tls.crt");
    }

    @Test
    void leafCertificateIsNotACa() {
        X509Certificate leaf = TestPki.serverLeaf(root, "a.example.com");
        String leafKey = Pem.encodePrivateKey(TestPki.key("leaf").getPrivate(), PrivateKeyEncoding.PKCS8);

        assertThatThrownBy(() -> parser.parse(pem(leaf), leafKey, pem(root.certificate())))
                .isInstanceOf(InvalidCaMaterialException.class)
                .hasMessage("the certificate in tls.crt cannot be used as a CA: \"CN=a.example.com\" is not a CA certificate: "
                        + "basicConstraints CA is false or missing");
    }

    @Test
    void caWithoutKeyCertSignIsRejected() {
        X509Certificate noCertSign = HandMadeCertificates.selfSigned("CN=No CertSign", TestPki.key("nocertsign"))
                .extension(Extension.basicConstraints, true, new BasicConstraints(true))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .build();

        assertThatThrownBy(() -> parser.parse(pem(noCertSign),
                Pem.encodePrivateKey(TestPki.key("nocertsign").getPrivate(), PrivateKeyEncoding.PKCS8), null))
                .hasMessageEndingWith("\"CN=No CertSign\" may not sign certificates: its keyUsage lacks keyCertSign");
    }

    @Test
    void expiredCaIsRejected() {
        Clock afterExpiry = Clock.fixed(TestPki.NOW.plus(Duration.ofDays(366)), ZoneOffset.UTC);

        assertThatThrownBy(() -> new CaMaterialParser(afterExpiry).parse(pem(root.certificate()), key(root), null))
                .hasMessageStartingWith("the certificate \"CN=Imported Root\" in tls.crt expired at ");
    }

    @Test
    void caNotYetValidIsRejected() {
        Clock before = Clock.fixed(TestPki.NOW.minus(Duration.ofDays(1)), ZoneOffset.UTC);

        assertThatThrownBy(() -> new CaMaterialParser(before).parse(pem(root.certificate()), key(root), null))
                .hasMessageContaining("in tls.crt is not valid before");
    }

    @Test
    void missingRootIsRejectedWithAHint() {
        assertThatThrownBy(() -> parser.parse(pem(intermediate.certificate()), key(intermediate), null))
                .hasMessage("the chain of \"CN=Imported Intermediate\" is incomplete: the issuer \"CN=Imported Root\" of "
                        + "\"CN=Imported Intermediate\" is in neither tls.crt nor ca.crt; add the issuing certificates up to "
                        + "the root to ca.crt");
    }

    @Test
    void impostorRootDoesNotLinkUp() {
        CaMaterial impostor = TestPki.issuer().selfSignedRoot(TestPki.caRequest("Imported Root"), TestPki.key("impostor"));

        assertThatThrownBy(() -> parser.parse(pem(intermediate.certificate()), key(intermediate), pem(impostor.certificate())))
                .hasMessageContaining("is incomplete");
    }

    @Test
    void expiredRootInTheChainIsRejected() {
        X509Certificate expiredRoot = HandMadeCertificates.selfSigned("CN=Old Root", TestPki.key("old root"))
                .validity(TestPki.NOW.minus(Duration.ofDays(30)), TestPki.NOW.minus(Duration.ofDays(1)))
                .extension(Extension.basicConstraints, true, new BasicConstraints(true))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign))
                .build();
        CaMaterial oldRoot = new CaMaterial(expiredRoot, TestPki.key("old root").getPrivate(), null);
        X509Certificate child = HandMadeCertificates.issuedBy("CN=Child", TestPki.key("child").getPublic(), oldRoot)
                .extension(Extension.basicConstraints, true, new BasicConstraints(true))
                .build();

        assertThatThrownBy(() -> parser.parse(pem(child), Pem.encodePrivateKey(TestPki.key("child").getPrivate(),
                PrivateKeyEncoding.PKCS8), pem(expiredRoot)))
                .hasMessageStartingWith("the certificate \"CN=Old Root\" in the chain in tls.crt and ca.crt expired at");
    }

    @Test
    void invalidPemNamesTheSecretKey() {
        assertThatThrownBy(() -> parser.parse("not a certificate", key(root), null))
                .isInstanceOf(InvalidCaMaterialException.class)
                .hasMessageStartingWith("tls.crt is invalid: no certificate found");
        assertThatThrownBy(() -> parser.parse(pem(root.certificate()), "", null))
                .hasMessageStartingWith("tls.key is invalid: the PEM text is empty");
        assertThatThrownBy(() -> parser.parse(pem(intermediate.certificate()), key(intermediate), "garbage"))
                .hasMessageStartingWith("ca.crt is invalid: no certificate found");
    }

    @Test
    void keyErrorsCarryNoCause() {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> parser.parse(pem(root.certificate()), "-----BEGIN PRIVATE KEY-----\nMAA=\n-----END PRIVATE KEY-----\n", null));

        assertThat(thrown).isInstanceOf(InvalidCaMaterialException.class).hasMessageStartingWith("tls.key is invalid");
        assertThat(thrown.getCause()).isNull();
    }
}
