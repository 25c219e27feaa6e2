package io.mtlsoperator.pki.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Locates the tools that judge our certificates: OpenSSL 3 and keytool from PATH and the JDK, and
 * the Go checker (crypto/x509 and zlint) in testing/interop. A missing tool fails the test with
 * a message that names what to install, and nothing is skipped.
 */
final class InteropTools {

    /** System property with the path of a prebuilt Go checker; without it, testing/interop/build runs. */
    static final String CHECKER_PROPERTY = "mtls.interop.checker";

    private static String opensslVersion;
    private static Path checker;

    private InteropTools() {
    }

    /** Returns "openssl" after checking that it runs and is OpenSSL 3. */
    static synchronized String openssl() {
        if (opensslVersion == null) {
            ExternalProcess.Result result = ExternalProcess.run(List.of("openssl", "version"), Duration.ofSeconds(30));
            if (result.exitCode() != 0 || !result.stdout().startsWith("OpenSSL 3.")) {
                throw new AssertionError("the interop tests need OpenSSL 3 on PATH (Debian: apt-get install openssl), but "
                        + "'openssl version' returned:\n" + result.describe());
            }
            opensslVersion = result.stdout().trim();
        }
        return "openssl";
    }

    static String keytool() {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new AssertionError("keytool was not found at " + keytool + ": run the tests on a full JDK");
        }
        return keytool.toString();
    }

    /** Returns the Go checker binary, building it with testing/interop/build on first use. */
    static synchronized Path goChecker() {
        if (checker != null) {
            return checker;
        }
        String configured = System.getProperty(CHECKER_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new AssertionError("-D" + CHECKER_PROPERTY + "=" + configured + " is not an executable file");
            }
            checker = path;
            return checker;
        }
        Path buildScript = repositoryRoot().resolve("testing/interop/build");
        // A first build downloads zlint and compiles it; on a busy two-core machine that takes minutes.
        ExternalProcess.Result result = ExternalProcess.run(List.of("bash", buildScript.toString()), Duration.ofMinutes(15));
        if (result.exitCode() != 0) {
            throw new AssertionError("building the Go interop checker failed; install Go 1.26 or set -D" + CHECKER_PROPERTY
                    + " to a built checker\n" + result.describe());
        }
        List<String> lines = result.stdout().lines().toList();
        checker = Path.of(lines.get(lines.size() - 1).trim());
        return checker;
    }

    /** Walks up from the working directory to the directory that contains testing/interop. */
    static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path directory = start; directory != null; directory = directory.getParent()) {
            if (Files.isDirectory(directory.resolve("testing/interop"))) {
                return directory;
            }
        }
        throw new AssertionError("no directory above " + start + " contains testing/interop: run the tests inside the repository");
    }
}
