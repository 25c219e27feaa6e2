package io.mtlsoperator.pki.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlsoperator.pki.Keystores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code openssl pkcs12 -info} with OpenSSL 3 defaults (no -legacy) and {@code keytool -list} open
 * the PKCS#12 and JKS stores. Passwords travel in environment variables, not on command lines.
 */
class KeystoreInteropTest {

    private static final String PASSWORD = "interop-store-password";
    private static final Map<String, String> PASSWORD_ENVIRONMENT = Map.of("STORE_PASSWORD", PASSWORD);

    @TempDir
    Path directory;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = directory.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static ExternalProcess.Result opensslInfo(Path store, String passwordSource) {
        return ExternalProcess.run(List.of(InteropTools.openssl(), "pkcs12", "-info", "-nokeys", "-in", store.toString(),
                "-passin", passwordSource), Duration.ofSeconds(30), PASSWORD_ENVIRONMENT, null, null);
    }

    private static ExternalProcess.Result keytoolList(Path store, String type) {
        return ExternalProcess.run(List.of(InteropTools.keytool(), "-list", "-v", "-keystore", store.toString(),
                "-storetype", type, "-storepass:env", "STORE_PASSWORD"), Duration.ofSeconds(60), PASSWORD_ENVIRONMENT, null, null);
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void opensslOpensPkcs12KeyStoreWithModernAlgorithms(KeyProfile profile) throws IOException {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);
        Path store = write("keystore.p12", Keystores.pkcs12KeyStore(hierarchy.leafKey.getPrivate(),
                hierarchy.chain(LeafRole.SERVER), PASSWORD.toCharArray()));

        ExternalProcess.Result result = opensslInfo(store, "env:STORE_PASSWORD");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.output()).as(result.describe()).contains("MAC: sha256");
        assertThat(result.output()).as(result.describe()).contains("PBES2, PBKDF2, AES-256-CBC");
        assertThat(result.output()).as(result.describe()).contains("Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC");
        assertThat(result.stdout()).contains("subject=CN = server.example.test", "subject=O = mtls-operator interop, CN = Interop Intermediate");
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void opensslOpensPkcs12TrustStore(KeyProfile profile) throws IOException {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);
        Path store = write("truststore.p12", Keystores.pkcs12TrustStore(List.of(hierarchy.root.certificate()), PASSWORD.toCharArray()));

        ExternalProcess.Result result = opensslInfo(store, "env:STORE_PASSWORD");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).contains("subject=O = mtls-operator interop, CN = Interop Root " + profile.name());
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void opensslRejectsAWrongPassword(KeyProfile profile) throws IOException {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);
        Path store = write("keystore.p12", Keystores.pkcs12KeyStore(hierarchy.leafKey.getPrivate(),
                hierarchy.chain(LeafRole.SERVER), PASSWORD.toCharArray()));

        ExternalProcess.Result result = opensslInfo(store, "pass:not-the-password");

        assertThat(result.exitCode()).as(result.describe()).isNotZero();
        assertThat(result.output()).as(result.describe()).contains("Mac verify error");
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void keytoolListsBothKeyStores(KeyProfile profile) throws IOException {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);
        char[] password = PASSWORD.toCharArray();
        Path pkcs12 = write("keystore.p12", Keystores.pkcs12KeyStore(hierarchy.leafKey.getPrivate(), hierarchy.chain(LeafRole.CLIENT), password));
        Path jks = write("keystore.jks", Keystores.jksKeyStore(hierarchy.leafKey.getPrivate(), hierarchy.chain(LeafRole.CLIENT), password));

        for (Map.Entry<Path, String> store : Map.of(pkcs12, "PKCS12", jks, "JKS").entrySet()) {
            ExternalProcess.Result result = keytoolList(store.getKey(), store.getValue());

            assertThat(result.exitCode()).as(result.describe()).isZero();
            assertThat(result.stdout()).as(result.describe()).contains("Alias name: " + Keystores.KEY_ALIAS);
            assertThat(result.stdout()).as(result.describe()).contains("Entry type: PrivateKeyEntry");
            assertThat(result.stdout()).as(result.describe()).contains("Certificate chain length: 2");
        }
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void keytoolListsBothTrustStores(KeyProfile profile) throws IOException {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);
        char[] password = PASSWORD.toCharArray();
        List<java.security.cert.X509Certificate> trusted = List.of(hierarchy.root.certificate(), hierarchy.foreignRoot.certificate());
        Path pkcs12 = write("truststore.p12", Keystores.pkcs12TrustStore(trusted, password));
        Path jks = write("truststore.jks", Keystores.jksTrustStore(trusted, password));

        for (Map.Entry<Path, String> store : Map.of(pkcs12, "PKCS12", jks, "JKS").entrySet()) {
            ExternalProcess.Result result = keytoolList(store.getKey(), store.getValue());

            assertThat(result.exitCode()).as(result.describe()).isZero();
            assertThat(result.stdout()).as(result.describe()).contains("Your keystore contains 2 entries");
            assertThat(result.stdout()).as(result.describe()).contains("Entry type: trustedCertEntry");
        }
    }
}
