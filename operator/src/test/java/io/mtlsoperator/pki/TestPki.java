package io.mtlsoperator.pki;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Shared fixtures for the unit tests: a fixed clock and key pairs generated once per JVM, since RSA 4096 takes seconds. */
final class TestPki {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final KeySpec EC_P256 = new KeySpec(KeyAlgorithm.ECDSA, 256);
    static final KeySpec EC_P384 = new KeySpec(KeyAlgorithm.ECDSA, 384);
    static final KeySpec RSA_2048 = new KeySpec(KeyAlgorithm.RSA, 2048);
    static final KeySpec ED25519 = new KeySpec(KeyAlgorithm.ED25519, 0);

    private static final Map<String, KeyPair> KEYS = new ConcurrentHashMap<>();
    private static final KeyPairFactory KEY_PAIR_FACTORY = new KeyPairFactory();

    private TestPki() {
    }

    /** Returns a key pair for the spec; the same name returns the same pair, so tests can ask for distinct keys. */
    static KeyPair key(KeySpec spec, String name) {
        return KEYS.computeIfAbsent(spec + "/" + name, ignored -> KEY_PAIR_FACTORY.generate(spec));
    }

    static KeyPair key(String name) {
        return key(EC_P256, name);
    }

    static CertificateIssuer issuer() {
        return new CertificateIssuer(CLOCK);
    }

    static CaRequest caRequest(String commonName) {
        return new CaRequest(SubjectName.ofCommonName(commonName), Duration.ofDays(365), null, null);
    }

    static CaMaterial root(String commonName) {
        return issuer().selfSignedRoot(caRequest(commonName), key("root " + commonName));
    }

    static CaMaterial root(CaRequest request) {
        return issuer().selfSignedRoot(request, key("root " + request.subject().commonName()));
    }

    static CaMaterial intermediate(String commonName, CaMaterial issuer) {
        return issuer().intermediate(caRequest(commonName), key("intermediate " + commonName), issuer);
    }

    static LeafRequest serverRequest(String... dnsNames) {
        return new LeafRequest(null, SubjectAlternativeNames.ofDnsNames(dnsNames), CertificateUsage.SERVER, Duration.ofDays(30));
    }

    static X509Certificate serverLeaf(CaMaterial issuer, String... dnsNames) {
        return issuer().leaf(serverRequest(dnsNames), key("leaf").getPublic(), issuer);
    }

    static List<X509Certificate> chainOf(X509Certificate leaf, CaMaterial issuer) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(leaf), issuer.chain().stream()).toList();
    }
}
