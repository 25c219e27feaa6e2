package io.mtlsoperator.pki.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a tool that someone else wrote (openssl, keytool, the Go checker) with a timeout. Every
 * process is destroyed when the call returns, whatever happened.
 */
final class ExternalProcess {

    record Result(List<String> command, int exitCode, String stdout, String stderr) {

        String output() {
            return stdout + stderr;
        }

        /** Describes the run for assertion messages. */
        String describe() {
            return String.join(" ", command) + "\nexit code " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private ExternalProcess() {
    }

    static Result run(List<String> command, Duration timeout) {
        return run(command, timeout, Map.of(), null, null);
    }

    /**
     * Runs the command to completion and returns its exit code and output.
     *
     * @param environment variables added to this JVM's environment, for passwords that must not
     *     appear on a command line
     * @param stdin text written to the process and then closed, or null for no input
     * @throws AssertionError if the program cannot be started or does not finish in time
     */
    static Result run(List<String> command, Duration timeout, Map<String, String> environment, Path directory, String stdin) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Process process = null;
        try {
            process = start(builder);
            StreamCollector stdout = StreamCollector.start(process.getInputStream());
            StreamCollector stderr = StreamCollector.start(process.getErrorStream());
            writeInput(process, stdin);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout
                        + "\n--- output so far\n" + stdout.text() + stderr.text());
            }
            return new Result(command, process.exitValue(), stdout.await(), stderr.await());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + String.join(" ", command), e);
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }

    private static void writeInput(Process process, String stdin) {
        try (OutputStream input = process.getOutputStream()) {
            if (stdin != null) {
                input.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The process closed its input or exited before reading it; its exit code and output show why.
        }
    }

    /** Starts the process, turning a missing program into a message that names what to install. */
    static Process start(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new AssertionError("cannot start " + builder.command().get(0) + ": " + e.getMessage()
                    + ". The interop tests need it: install it and put it on PATH", e);
        }
    }

    /** Reads a stream on a daemon thread, so that a chatty process never blocks on a full pipe. */
    static final class StreamCollector {

        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final Thread thread;

        private StreamCollector(InputStream stream) {
            this.thread = new Thread(() -> copy(stream), "process-output");
            this.thread.setDaemon(true);
        }

        static StreamCollector start(InputStream stream) {
            StreamCollector collector = new StreamCollector(stream);
            collector.thread.start();
            return collector;
        }

        private void copy(InputStream stream) {
            byte[] chunk = new byte[8192];
            try (stream) {
                for (int read = stream.read(chunk); read >= 0; read = stream.read(chunk)) {
                    synchronized (buffer) {
                        buffer.write(chunk, 0, read);
                    }
                }
            } catch (IOException e) {
                // The process ended or was destroyed; what was read so far stays available.
            }
        }

        String text() {
            synchronized (buffer) {
                return buffer.toString(StandardCharsets.UTF_8);
            }
        }

        String await() throws InterruptedException {
            thread.join(Duration.ofSeconds(10).toMillis());
            return text();
        }
    }
}
