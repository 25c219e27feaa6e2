package io.mtlsoperator.pki.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtlsoperator.pki.KeyAlgorithm;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JDK's PKIX CertPathValidator validates the paths, and its PKIX trust manager applies the
 * TLS end-entity checks (extended key usage and key usage) that PKIX path validation leaves out.
 */
class JdkPkixInteropTest {

    private static PKIXCertPathValidatorResult validate(List<X509Certificate> path, X509Certificate anchor) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
        parameters.setRevocationEnabled(false);
        return (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX")
                .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
    }

    private static X509TrustManager trustManager(X509Certificate anchor) throws Exception {
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        trustStore.setCertificateEntry("root", anchor);
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(trustStore);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }

    /** Returns the key-exchange name that SunJSSE's end-entity checker expects for the key type in TLS 1.2. */
    private static String authType(KeyProfile profile) {
        return switch (profile.keySpec().algorithm()) {
            case RSA -> "ECDHE_RSA";
            case ECDSA -> "ECDHE_ECDSA";
            // TLS 1.3 suites carry no key exchange; SunJSSE passes "UNKNOWN" then, which every key type satisfies.
            case ED25519 -> "UNKNOWN";
        };
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#leaves")
    void pathFromLeafToRootIsValid(KeyProfile profile, LeafRole role) throws Exception {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);

        PKIXCertPathValidatorResult result = validate(hierarchy.chain(role), hierarchy.root.certificate());

        assertThat(result.getPublicKey()).isEqualTo(hierarchy.leafKey.getPublic());
        assertThat(result.getTrustAnchor().getTrustedCert()).isEqualTo(hierarchy.root.certificate());
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void intermediateIsValidUnderTheRoot(KeyProfile profile) {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);

        assertThatCode(() -> validate(List.of(hierarchy.intermediate.certificate()), hierarchy.root.certificate()))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#leaves")
    void trustManagerAcceptsLeafForItsPurpose(KeyProfile profile, LeafRole role) throws Exception {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);
        X509TrustManager trustManager = trustManager(hierarchy.root.certificate());
        X509Certificate[] chain = hierarchy.chain(role).toArray(X509Certificate[]::new);

        if (role.servesTls()) {
            assertThatCode(() -> trustManager.checkServerTrusted(chain, authType(profile))).doesNotThrowAnyException();
        }
        if (role.authenticatesClients()) {
            assertThatCode(() -> trustManager.checkClientTrusted(chain, authType(profile))).doesNotThrowAnyException();
        }
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void trustManagerRejectsServerLeafAsClient(KeyProfile profile) throws Exception {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);
        X509TrustManager trustManager = trustManager(hierarchy.root.certificate());
        X509Certificate[] chain = hierarchy.chain(LeafRole.SERVER).toArray(X509Certificate[]::new);

        assertThatThrownBy(() -> trustManager.checkClientTrusted(chain, authType(profile)))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining("Extended key usage does not permit use for TLS client authentication");
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void trustManagerRejectsClientLeafAsServer(KeyProfile profile) throws Exception {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);
        X509TrustManager trustManager = trustManager(hierarchy.root.certificate());
        X509Certificate[] chain = hierarchy.chain(LeafRole.CLIENT).toArray(X509Certificate[]::new);

        assertThatThrownBy(() -> trustManager.checkServerTrusted(chain, authType(profile)))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining("Extended key usage does not permit use for TLS server authentication");
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void leafOfAnotherCaIsRejected(KeyProfile profile) {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);

        assertThatThrownBy(() -> validate(List.of(hierarchy.foreignClient), hierarchy.root.certificate()))
                .isInstanceOf(CertPathValidatorException.class);
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void rsaServerLeafAllowsRsaKeyExchange(KeyProfile profile) throws Exception {
        // TLS 1.2 RSA key exchange needs keyEncipherment, which only RSA leaves carry.
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);
        X509TrustManager trustManager = trustManager(hierarchy.root.certificate());
        X509Certificate[] chain = hierarchy.chain(LeafRole.SERVER).toArray(X509Certificate[]::new);

        if (profile.keySpec().algorithm() == KeyAlgorithm.RSA) {
            assertThatCode(() -> trustManager.checkServerTrusted(chain, "RSA")).doesNotThrowAnyException();
        } else {
            assertThat(hierarchy.leaf(LeafRole.SERVER).getKeyUsage()[2]).as("keyEncipherment").isFalse();
        }
    }
}
