package io.mtlsoperator.pki.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real mutual-TLS handshakes on 127.0.0.1 between OpenSSL 3 and the JDK, in both directions,
 * with certificates and PKCS#12 stores from the PKI package. A client certificate from another
 * CA and a server-only certificate offered as a client certificate are refused.
 */
class TlsHandshakeInteropTest {

    private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(30);
    private static final int SOCKET_TIMEOUT_MILLIS = 20_000;

    // --- openssl s_server, JDK client ---

    /** An {@code openssl s_server} that accepts one connection and requires a client certificate. */
    private static final class OpenSslServer implements AutoCloseable {

        final int port;
        private final Process process;
        private final ExternalProcess.StreamCollector output;

        OpenSslServer(InteropHierarchy hierarchy) throws Exception {
            this.port = TlsPeers.freeLoopbackPort();
            ProcessBuilder builder = new ProcessBuilder(InteropTools.openssl(), "s_server",
                    "-accept", "127.0.0.1:" + port,
                    "-cert", hierarchy.leafFile(LeafRole.SERVER).toString(),
                    "-cert_chain", hierarchy.intermediateFile().toString(),
                    "-key", hierarchy.leafKeyFile().toString(),
                    "-CAfile", hierarchy.rootFile().toString(),
                    "-Verify", "1",
                    // Without it s_server reports a failed client verification but completes the handshake.
                    "-verify_return_error",
                    "-naccept", "1",
                    "-www");
            builder.redirectErrorStream(true);
            this.process = ExternalProcess.start(builder);
            this.output = ExternalProcess.StreamCollector.start(process.getInputStream());
            awaitListening();
        }

        private void awaitListening() throws InterruptedException {
            Instant deadline = Instant.now().plus(PROCESS_TIMEOUT);
            while (!output.text().contains("ACCEPT")) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new AssertionError("openssl s_server did not start listening on 127.0.0.1:" + port + "\n" + output.text());
                }
                Thread.sleep(50);
            }
        }

        /** Waits for the server to finish its one connection and returns everything it printed. */
        String finish() throws InterruptedException {
            if (!process.waitFor(PROCESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("openssl s_server did not exit after its one connection\n" + output.text());
            }
            // The output stream ends with the process, so this returns the complete output.
            return output.await();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    /** Connects as a JDK client, sends an HTTP request to s_server's -www page and returns the response. */
    private static String jdkRequest(SSLContext context, int port) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            SSLParameters parameters = socket.getSSLParameters();
            // Checks that the server certificate names 127.0.0.1, as an HTTPS client does.
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void jdkClientCompletesMutualTlsWithOpenSslServer(KeyProfile profile) throws Exception {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);
        SSLContext client = TlsPeers.context(hierarchy.leafKey.getPrivate(), hierarchy.chain(LeafRole.CLIENT),
                hierarchy.root.certificate());

        try (OpenSslServer server = new OpenSslServer(hierarchy)) {
            String response = jdkRequest(client, server.port);
            String serverOutput = server.finish();

            assertThat(response).as(serverOutput).startsWith("HTTP/1.0 200 ok");
            assertThat(serverOutput).doesNotContain("verify error");
        }
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void openSslServerRefusesClientOfAnotherCa(KeyProfile profile) throws Exception {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);
        SSLContext client = TlsPeers.context(hierarchy.leafKey.getPrivate(), List.of(hierarchy.foreignClient),
                hierarchy.root.certificate());

        try (OpenSslServer server = new OpenSslServer(hierarchy)) {
            assertThatThrownBy(() -> jdkRequest(client, server.port)).isInstanceOf(IOException.class);
            assertThat(server.finish()).contains("unable to get local issuer certificate");
        }
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void openSslServerRefusesServerCertificateAsClient(KeyProfile profile) throws Exception {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);
        SSLContext client = TlsPeers.context(hierarchy.leafKey.getPrivate(), hierarchy.chain(LeafRole.SERVER),
                hierarchy.root.certificate());

        try (OpenSslServer server = new OpenSslServer(hierarchy)) {
            assertThatThrownBy(() -> jdkRequest(client, server.port)).isInstanceOf(IOException.class);
            assertThat(server.finish()).contains("unsuitable certificate purpose");
        }
    }

    // --- JDK server, openssl s_client ---

    /** Accepts one connection on 127.0.0.1, requires a client certificate, replies with one line and returns the client's subject. */
    private static Future<String> jdkServer(SSLServerSocket serverSocket, ExecutorService executor) {
        return executor.submit(() -> {
            try (SSLSocket socket = (SSLSocket) serverSocket.accept()) {
                socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
                socket.startHandshake();
                X509Certificate peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                String line = reader.readLine();
                socket.getOutputStream().write(("hello " + line + "\n").getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
                return peer.getSubjectX500Principal().getName();
            }
        });
    }

    private static SSLServerSocket listen(InteropHierarchy hierarchy) throws Exception {
        SSLContext context = TlsPeers.context(hierarchy.leafKey.getPrivate(), hierarchy.chain(LeafRole.SERVER),
                hierarchy.root.certificate());
        SSLServerSocket serverSocket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 1, TlsPeers.LOOPBACK);
        serverSocket.setNeedClientAuth(true);
        serverSocket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
        return serverSocket;
    }

    private static ExternalProcess.Result openSslClient(InteropHierarchy hierarchy, int port, String certificate, String chain) {
        List<String> command = new java.util.ArrayList<>(List.of(InteropTools.openssl(), "s_client",
                "-connect", "127.0.0.1:" + port,
                "-CAfile", hierarchy.rootFile().toString(),
                "-verify_return_error",
                "-verify_ip", "127.0.0.1",
                "-cert", certificate,
                "-key", hierarchy.leafKeyFile().toString(),
                // Keeps reading after stdin ends, until the server closes the connection.
                "-ign_eof"));
        if (chain != null) {
            command.addAll(List.of("-cert_chain", chain));
        }
        return ExternalProcess.run(command, PROCESS_TIMEOUT, java.util.Map.of(), null, "ping\n");
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void openSslClientCompletesMutualTlsWithJdkServer(KeyProfile profile) throws Exception {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (SSLServerSocket serverSocket = listen(hierarchy)) {
            Future<String> clientSubject = jdkServer(serverSocket, executor);

            ExternalProcess.Result client = openSslClient(hierarchy, serverSocket.getLocalPort(),
                    hierarchy.leafFile(LeafRole.CLIENT).toString(), hierarchy.intermediateFile().toString());

            assertThat(clientSubject.get(PROCESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("CN=Interop Client");
            assertThat(client.stdout()).as(client.describe()).contains("Verify return code: 0 (ok)");
            assertThat(client.stdout()).as(client.describe()).contains("hello ping");
        } finally {
            executor.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void jdkServerRefusesClientOfAnotherCa(KeyProfile profile) throws Exception {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (SSLServerSocket serverSocket = listen(hierarchy)) {
            Future<String> clientSubject = jdkServer(serverSocket, executor);

            ExternalProcess.Result client = openSslClient(hierarchy, serverSocket.getLocalPort(),
                    hierarchy.foreignClientFile().toString(), null);

            assertThatThrownBy(() -> clientSubject.get(PROCESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasStackTraceContaining("unable to find valid certification path");
            assertThat(client.stdout()).as(client.describe()).doesNotContain("hello ping");
        } finally {
            executor.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("io.mtlsoperator.pki.interop.InteropCases#profiles")
    void jdkServerRefusesServerCertificateAsClient(KeyProfile profile) throws Exception {
        InteropHierarchy hierarchy = InteropHierarchy.of(profile);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (SSLServerSocket serverSocket = listen(hierarchy)) {
            Future<String> clientSubject = jdkServer(serverSocket, executor);

            ExternalProcess.Result client = openSslClient(hierarchy, serverSocket.getLocalPort(),
                    hierarchy.leafFile(LeafRole.SERVER).toString(), hierarchy.intermediateFile().toString());

            assertThatThrownBy(() -> clientSubject.get(PROCESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasStackTraceContaining("Extended key usage does not permit use for TLS client authentication");
            assertThat(client.stdout()).as(client.describe()).doesNotContain("hello ping");
        } finally {
            executor.shutdownNow();
        }
    }
}
