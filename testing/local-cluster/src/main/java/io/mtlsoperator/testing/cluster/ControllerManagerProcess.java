package io.mtlsoperator.testing.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kube-controller-manager with only the controllers a bare API server lacks for our tests:
 * the garbage collector (owner references) and the namespace controller (namespace deletion).
 */
final class ControllerManagerProcess {

  private static final Logger log = LoggerFactory.getLogger(ControllerManagerProcess.class);
  private static final List<String> CONTROLLERS = List.of("garbagecollector", "namespace");

  private final Process process;
  private final Path logFile;

  private ControllerManagerProcess(Process process, Path logFile) {
    this.process = process;
    this.logFile = logFile;
  }

  static ControllerManagerProcess start(ControlPlaneBinaries binaries, Path kubeconfig) {
    try {
      Path logFile = Files.createTempFile("kube-controller-manager", ".log");
      Process process = new ProcessBuilder(
          binaries.binary("kube-controller-manager").toString(),
          "--kubeconfig=" + kubeconfig,
          "--controllers=" + String.join(",", CONTROLLERS),
          "--leader-elect=false",
          // No serving endpoint: nothing scrapes it, and a fixed port would clash between runs.
          "--secure-port=0",
          "--bind-address=127.0.0.1")
          .redirectErrorStream(true)
          .redirectOutput(logFile.toFile())
          .start();

      // A wrong flag or kubeconfig makes it exit within a second; catch that here rather than
      // as a garbage collection test that times out much later.
      if (process.waitFor(2, TimeUnit.SECONDS)) {
        throw new IllegalStateException("kube-controller-manager exited with code " + process.exitValue()
            + "; its output is in " + logFile + ":\n" + tail(logFile));
      }
      log.info("Started kube-controller-manager (controllers {}); log in {}", CONTROLLERS, logFile);
      return new ControllerManagerProcess(process, logFile);
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to start kube-controller-manager", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting kube-controller-manager", e);
    }
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    log.debug("Stopped kube-controller-manager; its log stays in {}", logFile);
  }
}
