package io.mtlsoperator.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Reads the merged stdout and stderr of a child process on a daemon thread, so the process does not
 * block on a full pipe. Every line is kept for the caller to inspect, which suits the few dozen
 * lines that openssl prints here.
 */
final class ProcessOutput {

  private final List<String> lines = new ArrayList<>();
  private final Thread reader;
  private boolean ended;

  private ProcessOutput(Process process, String name) {
    reader = new Thread(() -> readAll(process), name + " output");
    reader.setDaemon(true);
  }

  static ProcessOutput follow(Process process, String name) {
    ProcessOutput output = new ProcessOutput(process, name);
    output.reader.start();
    return output;
  }

  /** Waits until a line matches or the output ends; returns whether a line matched. */
  synchronized boolean awaitLine(Predicate<String> match, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (lines.stream().noneMatch(match) && !ended) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, remaining);
    }
    return lines.stream().anyMatch(match);
  }

  /** Waits until the process closes its output, which follows its exit; returns whether it did in time. */
  boolean awaitEnd(Duration timeout) throws InterruptedException {
    reader.join(timeout.toMillis());
    return !reader.isAlive();
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  private void readAll(Process process) {
    try (BufferedReader output = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        append(line);
      }
    } catch (IOException e) {
      // The stream closes when the process is destroyed; the lines read so far are what counts.
    } finally {
      markEnded();
    }
  }

  private synchronized void append(String line) {
    lines.add(line);
    notifyAll();
  }

  private synchronized void markEnded() {
    ended = true;
    notifyAll();
  }
}
