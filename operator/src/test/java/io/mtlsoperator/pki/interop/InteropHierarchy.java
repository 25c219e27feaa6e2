package io.mtlsoperator.pki.interop;

import io.mtlsoperator.pki.CaMaterial;
import io.mtlsoperator.pki.CaRequest;
import io.mtlsoperator.pki.CertificateIssuer;
import io.mtlsoperator.pki.KeyPairFactory;
import io.mtlsoperator.pki.LeafRequest;
import io.mtlsoperator.pki.NameConstraints;
import io.mtlsoperator.pki.Pem;
import io.mtlsoperator.pki.PrivateKeyEncoding;
import io.mtlsoperator.pki.SubjectName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A root, a name-constrained intermediate and one leaf per {@link LeafRole}, all issued by the PKI
 * package with one key algorithm, plus a foreign root with a client leaf that our CAs never
 * signed. Hierarchies are built once per JVM and profile, because RSA 4096 key generation takes
 * seconds, and written to PEM files for the external tools.
 */
final class InteropHierarchy {

    /** Names the intermediate may issue for; every leaf of {@link LeafRole} stays inside them. */
    static final NameConstraints INTERMEDIATE_CONSTRAINTS = new NameConstraints(
            List.of("example.test", "localhost"), null, List.of("127.0.0.0/8", "::1/128"), null, List.of("example.test"), null);

    private static final Map<KeyProfile, InteropHierarchy> CACHE = new ConcurrentHashMap<>();

    final KeyProfile profile;
    final CaMaterial root;
    final CaMaterial intermediate;
    final KeyPair leafKey;
    final Map<LeafRole, X509Certificate> leaves;
    final CaMaterial foreignRoot;
    final X509Certificate foreignClient;
    private final Path directory;

    private InteropHierarchy(KeyProfile profile) {
        this.profile = profile;
        // External tools check validity against the real time, so the hierarchy uses the real clock.
        CertificateIssuer issuer = new CertificateIssuer(Clock.systemUTC());
        KeyPairFactory keys = new KeyPairFactory();
        String suffix = " " + profile.name();

        this.root = issuer.selfSignedRoot(new CaRequest(
                new SubjectName("Interop Root" + suffix, List.of("mtls-operator interop"), null, null, null, null),
                Duration.ofDays(30), 1, null), keys.generate(profile.keySpec()));
        this.intermediate = issuer.intermediate(new CaRequest(
                new SubjectName("Interop Intermediate" + suffix, List.of("mtls-operator interop"), null, null, null, null),
                Duration.ofDays(20), 0, INTERMEDIATE_CONSTRAINTS), keys.generate(profile.keySpec()), root);
        // One key serves every leaf: what is checked is the certificates, not the uniqueness of keys.
        this.leafKey = keys.generate(profile.keySpec());
        this.leaves = new EnumMap<>(LeafRole.class);
        for (LeafRole role : LeafRole.values()) {
            LeafRequest request = new LeafRequest(role.subject(), role.names(), role.usage(), Duration.ofDays(1));
            leaves.put(role, issuer.leaf(request, leafKey.getPublic(), intermediate));
        }
        this.foreignRoot = issuer.selfSignedRoot(new CaRequest(SubjectName.ofCommonName("Foreign Root" + suffix),
                Duration.ofDays(30), null, null), keys.generate(profile.keySpec()));
        this.foreignClient = issuer.leaf(new LeafRequest(LeafRole.CLIENT.subject(), LeafRole.CLIENT.names(),
                LeafRole.CLIENT.usage(), Duration.ofDays(1)), leafKey.getPublic(), foreignRoot);
        this.directory = writeFiles();
    }

    static InteropHierarchy of(KeyProfile profile) {
        return CACHE.computeIfAbsent(profile, InteropHierarchy::new);
    }

    X509Certificate leaf(LeafRole role) {
        return leaves.get(role);
    }

    /** Returns the leaf followed by the intermediates, in the order of tls.crt. */
    List<X509Certificate> chain(LeafRole role) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(leaf(role)), intermediate.intermediates().stream()).toList();
    }

    Path rootFile() {
        return directory.resolve("root.pem");
    }

    Path intermediateFile() {
        return directory.resolve("intermediate.pem");
    }

    Path leafFile(LeafRole role) {
        return directory.resolve(role.fileName() + ".pem");
    }

    Path chainFile(LeafRole role) {
        return directory.resolve(role.fileName() + "-chain.pem");
    }

    Path leafKeyFile() {
        return directory.resolve("leaf.key");
    }

    Path foreignRootFile() {
        return directory.resolve("foreign-root.pem");
    }

    Path foreignClientFile() {
        return directory.resolve("foreign-client.pem");
    }

    private Path writeFiles() {
        try {
            Path dir = Files.createTempDirectory("mtls-interop-" + profile.name().toLowerCase(java.util.Locale.ROOT) + "-");
            dir.toFile().deleteOnExit();
            write(dir.resolve("root.pem"), Pem.encodeCertificates(List.of(root.certificate())));
            write(dir.resolve("intermediate.pem"), Pem.encodeCertificates(intermediate.intermediates()));
            for (LeafRole role : LeafRole.values()) {
                write(dir.resolve(role.fileName() + ".pem"), Pem.encodeCertificates(List.of(leaf(role))));
                write(dir.resolve(role.fileName() + "-chain.pem"), Pem.encodeCertificates(chain(role)));
            }
            write(dir.resolve("leaf.key"), Pem.encodePrivateKey(leafKey.getPrivate(), PrivateKeyEncoding.PKCS8));
            write(dir.resolve("foreign-root.pem"), Pem.encodeCertificates(List.of(foreignRoot.certificate())));
            write(dir.resolve("foreign-client.pem"), Pem.encodeCertificates(List.of(foreignClient)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        file.toFile().deleteOnExit();
    }
}
