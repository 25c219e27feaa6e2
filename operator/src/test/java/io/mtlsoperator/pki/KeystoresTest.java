package io.mtlsoperator.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.SafeBag;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;

class KeystoresTest {

    private static final char[] PASSWORD = "changeit-please".toCharArray();

    private final CaMaterial root = TestPki.root("Keystore Root");
    private final CaMaterial intermediate = TestPki.intermediate("Keystore Intermediate", root);
    private final X509Certificate leaf = TestPki.serverLeaf(intermediate, "a.example.com");
    private final List<X509Certificate> chain = List.of(leaf, intermediate.certificate());

    private static KeyStore load(String type, byte[] bytes) throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        store.load(new ByteArrayInputStream(bytes), PASSWORD);
        return store;
    }

    @Test
    void pkcs12KeyStoreHoldsKeyAndChain() throws Exception {
        KeyStore store = load("PKCS12", Keystores.pkcs12KeyStore(TestPki.key("leaf").getPrivate(), chain, PASSWORD));

        assertThat(store.isKeyEntry(Keystores.KEY_ALIAS)).isTrue();
        assertThat(store.getKey(Keystores.KEY_ALIAS, PASSWORD)).isEqualTo(TestPki.key("leaf").getPrivate());
        assertThat(store.getCertificateChain(Keystores.KEY_ALIAS)).containsExactly(leaf, intermediate.certificate());
    }

    @Test
    void pkcs12TrustStoreHoldsTrustedCertificates() throws Exception {
        CaMaterial otherRoot = TestPki.root("Other Keystore Root");

        KeyStore store = load("PKCS12", Keystores.pkcs12TrustStore(List.of(root.certificate(), otherRoot.certificate()), PASSWORD));

        assertThat(store.size()).isEqualTo(2);
        assertThat(store.isCertificateEntry("ca-0")).isTrue();
        assertThat(store.getCertificate("ca-0")).isEqualTo(root.certificate());
        assertThat(store.getCertificate("ca-1")).isEqualTo(otherRoot.certificate());
    }

    @Test
    void jksKeyStoreHoldsKeyAndChain() throws Exception {
        KeyStore store = load("JKS", Keystores.jksKeyStore(TestPki.key("leaf").getPrivate(), chain, PASSWORD));

        assertThat(store.getKey(Keystores.KEY_ALIAS, PASSWORD)).isEqualTo(TestPki.key("leaf").getPrivate());
        assertThat(store.getCertificateChain(Keystores.KEY_ALIAS)).hasSize(2);
    }

    @Test
    void jksTrustStoreHoldsTrustedCertificates() throws Exception {
        KeyStore store = load("JKS", Keystores.jksTrustStore(List.of(root.certificate()), PASSWORD));

        assertThat(store.isCertificateEntry("ca-0")).isTrue();
        assertThat(store.getCertificate("ca-0")).isEqualTo(root.certificate());
    }

    @Test
    void emptyOrMissingPasswordIsRejected() {
        assertThatThrownBy(() -> Keystores.pkcs12KeyStore(TestPki.key("leaf").getPrivate(), chain, new char[0]))
                .hasMessage("the keystore password is empty: set a non-empty password");
        assertThatThrownBy(() -> Keystores.jksKeyStore(TestPki.key("leaf").getPrivate(), chain, null))
                .hasMessage("the keystore password is empty: set a non-empty password");
        assertThatThrownBy(() -> Keystores.pkcs12TrustStore(List.of(root.certificate()), new char[0]))
                .hasMessageContaining("password is empty");
        assertThatThrownBy(() -> Keystores.jksTrustStore(List.of(root.certificate()), null))
                .hasMessageContaining("password is empty");
    }

    @Test
    void mismatchedKeyIsRejected() {
        assertThatThrownBy(() -> Keystores.pkcs12KeyStore(TestPki.key("unrelated").getPrivate(), chain, PASSWORD))
                .hasMessage("the private key does not match the first certificate of the chain");
    }

    @Test
    void emptyChainAndEmptyTrustListAreRejected() {
        assertThatThrownBy(() -> Keystores.pkcs12KeyStore(TestPki.key("leaf").getPrivate(), List.of(), PASSWORD))
                .hasMessageContaining("the chain is empty");
        assertThatThrownBy(() -> Keystores.jksTrustStore(List.of(), PASSWORD)).hasMessageContaining("at least one certificate");
    }

    @Test
    void pkcs12UsesPbes2WithAes256AndSha256Mac() throws Exception {
        Pfx pfx = Pfx.getInstance(Keystores.pkcs12KeyStore(TestPki.key("leaf").getPrivate(), chain, PASSWORD));

        assertThat(pfx.getMacData().getMac().getAlgorithmId().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_sha256);
        assertThat(pfx.getMacData().getIterationCount().intValue()).isGreaterThanOrEqualTo(10_000);

        ContentInfo[] contents = org.bouncycastle.asn1.pkcs.AuthenticatedSafe.getInstance(
                org.bouncycastle.asn1.ASN1OctetString.getInstance(pfx.getAuthSafe().getContent()).getOctets()).getContentInfo();
        int checkedKeyBags = 0;
        int checkedCertificateBags = 0;
        for (ContentInfo content : contents) {
            if (content.getContentType().equals(PKCSObjectIdentifiers.encryptedData)) {
                EncryptedData encrypted = EncryptedData.getInstance(content.getContent());
                assertPbes2Aes256(encrypted.getEncryptionAlgorithm());
                checkedCertificateBags++;
            } else {
                byte[] data = org.bouncycastle.asn1.ASN1OctetString.getInstance(content.getContent()).getOctets();
                for (org.bouncycastle.asn1.ASN1Encodable bag : ASN1Sequence.getInstance(data)) {
                    SafeBag safeBag = SafeBag.getInstance(bag);
                    if (safeBag.getBagId().equals(PKCSObjectIdentifiers.pkcs8ShroudedKeyBag)) {
                        assertPbes2Aes256(EncryptedPrivateKeyInfo.getInstance(safeBag.getBagValue()).getEncryptionAlgorithm());
                        checkedKeyBags++;
                    }
                }
            }
        }
        assertThat(checkedKeyBags).isEqualTo(1);
        assertThat(checkedCertificateBags).isEqualTo(1);
    }

    private static void assertPbes2Aes256(AlgorithmIdentifier algorithm) {
        assertThat(algorithm.getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBES2);
        PBES2Parameters parameters = PBES2Parameters.getInstance(algorithm.getParameters());
        KeyDerivationFunc kdf = parameters.getKeyDerivationFunc();
        EncryptionScheme scheme = parameters.getEncryptionScheme();
        assertThat(kdf.getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBKDF2);
        assertThat(PBKDF2Params.getInstance(kdf.getParameters()).getPrf().getAlgorithm())
                .isEqualTo(PKCSObjectIdentifiers.id_hmacWithSHA256);
        assertThat(scheme.getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_aes256_CBC);
    }
}
