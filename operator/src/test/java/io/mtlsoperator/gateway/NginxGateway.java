package io.mtlsoperator.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * nginx as a stand-in for an Istio ingress gateway in TLS mode MUTUAL: it serves the
 * certificate chain of a credential Secret mounted as files, requires a client certificate that
 * chains to the Secret's ca.crt, and returns 200 with the client's subject distinguished name
 * in the body and in the {@value NginxConfig#CLIENT_SUBJECT_HEADER} header. nginx runs in the
 * foreground as a child of the test JVM, with every file it writes inside one directory.
 */
public final class NginxGateway implements AutoCloseable {

  /** The command that installs nginx where the tests run; CI runs it before the tests. */
  static final String INSTALL_COMMAND = "testing/nginx/install";

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
  /** Retries for the rare case that another process binds the free port before nginx does. */
  private static final int START_ATTEMPTS = 3;

  private final Path nginx;
  private final Path runDirectory;
  private final SecretVolume credential;
  private final int port;
  private final Process master;

  private NginxGateway(Path nginx, Path runDirectory, SecretVolume credential, int port, Process master) {
    this.nginx = nginx;
    this.runDirectory = runDirectory;
    this.credential = credential;
    this.port = port;
    this.master = master;
  }

  /**
   * Writes {@code credential} as a mounted Secret under {@code runDirectory}, writes the
   * configuration there and starts nginx on a free port of 127.0.0.1; returns once it accepts
   * connections. Fails with a message naming {@value #INSTALL_COMMAND} when nginx is not installed.
   */
  public static NginxGateway start(Path runDirectory, GatewayCredential credential) {
    Path nginx = findNginx();
    SecretVolume volume = new SecretVolume(runDirectory.resolve("credential"));
    volume.write(credential.secretData());
    try {
      Files.createDirectories(runDirectory.resolve("temp"));
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to create " + runDirectory.resolve("temp"), e);
    }

    IllegalStateException lastFailure = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      int port = freeLoopbackPort();
      writeConfig(runDirectory, NginxConfig.render(runDirectory, port, volume));
      NginxGateway gateway = new NginxGateway(nginx, runDirectory, volume, port, launch(nginx, runDirectory));
      try {
        gateway.awaitListening();
        return gateway;
      } catch (IllegalStateException e) {
        gateway.close();
        lastFailure = e;
        if (!gateway.errorLog().contains("Address already in use")) {
          throw e;
        }
      }
    }
    throw lastFailure;
  }

  /** Returns the loopback port that nginx listens on. */
  public int port() {
    return port;
  }

  /** Returns the directory of the mounted credential Secret, with files tls.crt, tls.key and ca.crt. */
  public Path credentialDirectory() {
    return credential.directory();
  }

  /**
   * Rewrites the credential files as the kubelet does when the Secret changes, reloads nginx and
   * returns once only workers started from the new files serve connections. Fails with nginx's
   * error log when nginx rejects the new files, for example a key that does not match the chain.
   */
  public void update(GatewayCredential newCredential) {
    Set<Long> oldWorkers = workerPids();
    long errorLogOffset = errorLog().length();
    credential.write(newCredential.secretData());

    CommandResult reload = run(nginxCommand(nginx, runDirectory, "-s", "reload"));
    if (reload.exitCode() != 0) {
      throw new IllegalStateException("nginx -s reload failed with exit code " + reload.exitCode() + ": "
          + reload.output() + describeErrorLog());
    }
    awaitNewWorkers(oldWorkers, errorLogOffset);
  }

  /** Returns nginx's error log, for failure messages. */
  public String errorLog() {
    Path file = runDirectory.resolve("error.log");
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to read " + file, e);
    }
  }

  /** Stops nginx at once (SIGTERM to the master, which stops its workers), then kills what is left. */
  @Override
  public void close() {
    List<ProcessHandle> processes = new ArrayList<>(master.descendants().toList());
    master.destroy();
    try {
      if (!master.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        master.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      master.destroyForcibly();
    }
    processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private static Path findNginx() {
    List<Path> candidates = new ArrayList<>();
    for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!directory.isEmpty()) {
        candidates.add(Path.of(directory, "nginx"));
      }
    }
    // /usr/sbin is missing from the PATH of some non-root shells.
    candidates.add(Path.of("/usr/sbin/nginx"));
    return candidates.stream().filter(Files::isExecutable).findFirst()
        .orElseThrow(() -> new IllegalStateException("nginx is not installed: it is on neither PATH nor "
            + "/usr/sbin/nginx. Run " + INSTALL_COMMAND + " (as root) to install it."));
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to find a free port on the loopback interface", e);
    }
  }

  private static void writeConfig(Path runDirectory, String config) {
    try {
      Files.writeString(runDirectory.resolve("nginx.conf"), config);
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to write " + runDirectory.resolve("nginx.conf"), e);
    }
  }

  /**
   * Returns the nginx command line for this run directory: {@code -p} and {@code -c} select the
   * configuration, and {@code -e} keeps nginx from opening its built-in /var/log error log
   * before it has read the configuration.
   */
  private static List<String> nginxCommand(Path nginx, Path runDirectory, String... arguments) {
    List<String> command = new ArrayList<>(List.of(nginx.toString(),
        "-p", runDirectory.toAbsolutePath() + "/",
        "-c", runDirectory.resolve("nginx.conf").toAbsolutePath().toString(),
        "-e", runDirectory.resolve("error.log").toAbsolutePath().toString()));
    command.addAll(List.of(arguments));
    return command;
  }

  private static Process launch(Path nginx, Path runDirectory) {
    List<String> command = nginxCommand(nginx, runDirectory, "-g", "daemon off;");
    try {
      return new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(runDirectory.resolve("nginx.out").toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to start " + String.join(" ", command), e);
    }
  }

  private void awaitListening() {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (true) {
      if (!master.isAlive()) {
        throw new IllegalStateException("nginx exited with code " + master.exitValue()
            + " during startup" + describeErrorLog());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
        return;
      } catch (IOException notYetListening) {
        // nginx binds the port after it has read the configuration and the certificate files.
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("nginx did not accept connections on 127.0.0.1:" + port
            + " within " + STARTUP_TIMEOUT.toSeconds() + " s" + describeErrorLog());
      }
      pause();
    }
  }

  /**
   * Waits until the master has started workers with the new configuration and every old worker
   * has exited. A master that rejects the new files keeps its old workers and logs the reason
   * at level emerg, which ends the wait at once.
   */
  private void awaitNewWorkers(Set<Long> oldWorkers, long errorLogOffset) {
    long deadline = System.nanoTime() + RELOAD_TIMEOUT.toNanos();
    while (true) {
      if (!master.isAlive()) {
        throw new IllegalStateException("nginx exited with code " + master.exitValue() + " during reload"
            + describeErrorLog());
      }
      Set<Long> workers = workerPids();
      if (!workers.isEmpty() && workers.stream().noneMatch(oldWorkers::contains)) {
        return;
      }
      String newLogLines = errorLog().substring((int) Math.min(errorLogOffset, errorLog().length()));
      if (newLogLines.contains("[emerg]")) {
        throw new IllegalStateException("nginx rejected the updated credential and kept the old one:\n"
            + newLogLines);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("nginx did not replace its workers " + oldWorkers + " within "
            + RELOAD_TIMEOUT.toSeconds() + " s after the reload; workers now: " + workers + describeErrorLog());
      }
      pause();
    }
  }

  private Set<Long> workerPids() {
    return master.children().map(ProcessHandle::pid).collect(Collectors.toSet());
  }

  private String describeErrorLog() {
    String log = errorLog();
    List<String> lines = log.lines().toList();
    String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    return tail.isEmpty() ? "; the error log " + runDirectory.resolve("error.log") + " is empty"
        : "; last lines of " + runDirectory.resolve("error.log") + ":\n" + tail;
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_INTERVAL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for nginx", e);
    }
  }

  private record CommandResult(int exitCode, String output) {
  }

  private static CommandResult run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new CommandResult(process.waitFor(), output.strip());
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
    }
  }
}
