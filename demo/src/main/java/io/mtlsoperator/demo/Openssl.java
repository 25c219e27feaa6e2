package io.mtlsoperator.demo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts the openssl command-line tool, with an error that names what to install when it is missing. */
final class Openssl {

  static final String COMMAND = "openssl";

  private Openssl() {
  }

  static Process start(List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(COMMAND);
    command.addAll(arguments);
    try {
      return new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException("Failed to start '" + COMMAND + " " + arguments.get(0)
          + "'; install OpenSSL 1.1.1 or newer and put openssl on PATH: " + e.getMessage(), e);
    }
  }

  /**
   * Returns the reason text of an OpenSSL error line such as
   * {@code 40177553697F0000:error:0A000418:SSL routines:ssl3_read_bytes:tlsv1 alert unknown ca:file:line:...},
   * or the whole line when it has another shape.
   */
  static String errorReason(String line) {
    String[] fields = line.split(":", 7);
    return fields.length >= 6 && "error".equals(fields[1]) ? fields[5] : line.trim();
  }

  static boolean isErrorLine(String line) {
    return line.contains(":error:");
  }

  /** Stops a process that is still running: politely first, then by force. */
  static void stop(Process process) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
