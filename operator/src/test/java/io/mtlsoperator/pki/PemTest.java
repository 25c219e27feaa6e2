package io.mtlsoperator.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PemTest {

    private final CaMaterial root = TestPki.root("Pem Root");
    private final CaMaterial intermediate = TestPki.intermediate("Pem Intermediate", root);
    private final X509Certificate leaf = TestPki.serverLeaf(intermediate, "a.example.com");

    @Test
    void chainIsEncodedInTheOrderGiven() {
        String pem = Pem.encodeCertificates(List.of(leaf, intermediate.certificate()));

        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n");
        assertThat(pem.split("-----BEGIN CERTIFICATE-----", -1)).hasSize(3);
        assertThat(Pem.parseCertificates(pem)).containsExactly(leaf, intermediate.certificate());
    }

    @Test
    void base64LinesAreAtMost64Characters() {
        String pem = Pem.encodeCertificates(List.of(leaf));

        assertThat(pem.lines().filter(line -> !line.startsWith("-----"))).allMatch(line -> line.length() <= 64);
    }

    @Test
    void crlfLineEndsAndSurroundingTextAreAccepted() {
        String pem = "Subject: CN=a.example.com\r\nissuer: whatever\r\n"
                + Pem.encodeCertificates(List.of(leaf)).replace("\n", "\r\n")
                + "some trailing note\r\n"
                + Pem.encodeCertificates(List.of(root.certificate())).replace("\n", "\r\n")
                + "\r\n\r\n";

        assertThat(Pem.parseCertificates(pem)).containsExactly(leaf, root.certificate());
    }

    @Test
    void certificatesAreReturnedInFileOrder() {
        String pem = Pem.encodeCertificates(List.of(root.certificate(), leaf, intermediate.certificate()));

        assertThat(Pem.parseCertificates(pem)).containsExactly(root.certificate(), leaf, intermediate.certificate());
    }

    @Test
    void otherBlockTypesAreSkipped() {
        String pem = Pem.encodePrivateKey(TestPki.key("leaf").getPrivate(), PrivateKeyEncoding.PKCS8)
                + Pem.encodeCertificates(List.of(leaf));

        assertThat(Pem.parseCertificates(pem)).containsExactly(leaf);
    }

    @Test
    void textWithoutCertificateIsRejected() {
        assertThatThrownBy(() -> Pem.parseCertificates("just some text\n"))
                .isInstanceOf(PkiException.class)
                .hasMessageStartingWith("no certificate found");
        assertThatThrownBy(() -> Pem.parseCertificates("  ")).hasMessageStartingWith("the PEM text is empty");
    }

    @Test
    void corruptCertificateIsRejectedWithItsNumber() {
        String corrupt = "-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----\n";

        assertThatThrownBy(() -> Pem.parseCertificates(Pem.encodeCertificates(List.of(leaf)) + corrupt))
                .hasMessageStartingWith("certificate 2 is not a valid X.509 certificate");
    }

    @Test
    void missingEndLineIsRejected() {
        String truncated = Pem.encodeCertificates(List.of(leaf)).replace("-----END CERTIFICATE-----", "");

        assertThatThrownBy(() -> Pem.parseCertificates(truncated)).hasMessageStartingWith("the PEM text is malformed");
    }

    static Stream<Arguments> keyEncodings() {
        return Stream.of(
                Arguments.of(TestPki.EC_P256, PrivateKeyEncoding.PKCS8, "PRIVATE KEY"),
                Arguments.of(TestPki.EC_P256, PrivateKeyEncoding.SEC1, "EC PRIVATE KEY"),
                Arguments.of(TestPki.EC_P384, PrivateKeyEncoding.SEC1, "EC PRIVATE KEY"),
                Arguments.of(TestPki.RSA_2048, PrivateKeyEncoding.PKCS8, "PRIVATE KEY"),
                Arguments.of(TestPki.RSA_2048, PrivateKeyEncoding.PKCS1, "RSA PRIVATE KEY"),
                Arguments.of(TestPki.ED25519, PrivateKeyEncoding.PKCS8, "PRIVATE KEY"));
    }

    @ParameterizedTest
    @MethodSource("keyEncodings")
    void privateKeyRoundTripsThroughPem(KeySpec spec, PrivateKeyEncoding encoding, String blockType) {
        KeyPair pair = TestPki.key(spec, "pem");

        String pem = Pem.encodePrivateKey(pair.getPrivate(), encoding);
        PrivateKey parsed = Pem.parsePrivateKey(pem);

        assertThat(pem).startsWith("-----BEGIN " + blockType + "-----\n");
        assertThat(KeyMatch.matches(pair.getPublic(), parsed)).isTrue();
    }

    @Test
    void sec1KeyNamesCurveAndPoint() {
        String pem = Pem.encodePrivateKey(TestPki.key(TestPki.EC_P384, "pem").getPrivate(), PrivateKeyEncoding.SEC1);

        ECPrivateKey sec1 = ECPrivateKey.getInstance(decodeBody(pem));

        assertThat(sec1.getParametersObject().toString()).isEqualTo("1.3.132.0.34");
        assertThat(sec1.getPublicKey()).isNotNull();
        assertThat(sec1.getPublicKey().getOctets()).hasSize(97);
    }

    @Test
    void pkcs1ForEcKeyIsRejected() {
        assertThatThrownBy(() -> Pem.encodePrivateKey(TestPki.key(TestPki.EC_P256, "pem").getPrivate(), PrivateKeyEncoding.PKCS1))
                .hasMessage("PKCS1 encoding is for RSA keys only, but this is an ECDSA key: use PKCS8");
    }

    @Test
    void sec1ForRsaAndEd25519KeysIsRejected() {
        assertThatThrownBy(() -> Pem.encodePrivateKey(TestPki.key(TestPki.RSA_2048, "pem").getPrivate(), PrivateKeyEncoding.SEC1))
                .hasMessage("SEC1 encoding is for EC keys only, but this is an RSA key: use PKCS8");
        assertThatThrownBy(() -> Pem.encodePrivateKey(TestPki.key(TestPki.ED25519, "pem").getPrivate(), PrivateKeyEncoding.SEC1))
                .hasMessage("SEC1 encoding is for EC keys only, but this is an Ed25519 key: use PKCS8");
    }

    @Test
    void ed25519KeyWithPublicKeyVersion2IsAccepted() throws Exception {
        KeyPair pair = TestPki.key(TestPki.ED25519, "pem");
        PrivateKeyInfo v1 = PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded());
        byte[] publicKey = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded())
                .getPublicKeyData().getBytes();
        PrivateKeyInfo v2 = new PrivateKeyInfo(v1.getPrivateKeyAlgorithm(), v1.parsePrivateKey(), null, publicKey);
        String pem = pemBlock("PRIVATE KEY", v2.getEncoded());

        assertThat(v2.getVersion().intValueExact()).isEqualTo(1);
        assertThat(KeyMatch.matches(pair.getPublic(), Pem.parsePrivateKey(pem))).isTrue();
    }

    @Test
    void encryptedKeyIsRejectedWithAHint() {
        String pem = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIBAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n";

        assertThatThrownBy(() -> Pem.parsePrivateKey(pem)).hasMessageContaining("encrypted, which is not supported");
    }

    @Test
    void legacyEncryptedRsaKeyIsRejected() {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00000000000000000000000000000000\n\n"
                + "MIIBAAAA\n-----END RSA PRIVATE KEY-----\n";

        assertThatThrownBy(() -> Pem.parsePrivateKey(pem)).hasMessageContaining("encrypted, which is not supported");
    }

    @Test
    void twoKeysAreRejected() {
        String one = Pem.encodePrivateKey(TestPki.key("pem").getPrivate(), PrivateKeyEncoding.PKCS8);

        assertThatThrownBy(() -> Pem.parsePrivateKey(one + one)).hasMessageStartingWith("more than one private key found");
    }

    @Test
    void certificateIsNotAKey() {
        assertThatThrownBy(() -> Pem.parsePrivateKey(Pem.encodeCertificates(List.of(leaf))))
                .hasMessageStartingWith("no private key found");
    }

    @Test
    void sec1KeyWithExplicitCurveParametersIsRejected() throws Exception {
        ECPrivateKey withoutCurve = new ECPrivateKey(256, java.math.BigInteger.TEN, new ASN1Integer(1));
        String pem = pemBlock("EC PRIVATE KEY", withoutCurve.getEncoded());

        assertThatThrownBy(() -> Pem.parsePrivateKey(pem)).hasMessageContaining("does not name its curve");
    }

    @Test
    void malformedKeyMessageContainsNoKeyMaterial() throws Exception {
        // A structurally valid PKCS#8 wrapper around garbage RSA content.
        byte[] secretLooking = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        PrivateKeyInfo info = new PrivateKeyInfo(
                new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.rsaEncryption,
                        org.bouncycastle.asn1.DERNull.INSTANCE),
                new DEROctetString(secretLooking));
        String pem = pemBlock("PRIVATE KEY", info.getEncoded());
        String body = pem.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> Pem.parsePrivateKey(pem));

        assertThat(thrown).isInstanceOf(PkiException.class).hasMessage("the RSA private key is malformed");
        assertThat(thrown.getCause()).isNull();
        assertThat(thrown.getMessage()).doesNotContain(body.substring(0, 16)).doesNotContain("0123456789abcdef");
    }

    private static byte[] decodeBody(String pem) {
        String body = pem.lines().filter(line -> !line.startsWith("-----")).reduce("", String::concat);
        return Base64.getDecoder().decode(body);
    }

    private static String pemBlock(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
