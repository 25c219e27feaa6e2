package io.mtlsoperator.bench.cluster;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Closes what a run opened, newest first and only once, from the end of main or from the shutdown
 * hook, whichever comes first.
 */
final class RunShutdown implements Runnable {

  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  private boolean done;

  synchronized <T extends AutoCloseable> T add(T resource) {
    opened.push(resource);
    return resource;
  }

  @Override
  public synchronized void run() {
    if (done) {
      return;
    }
    done = true;
    while (!opened.isEmpty()) {
      AutoCloseable resource = opened.pop();
      try {
        resource.close();
      } catch (Exception e) {
        System.err.println("warning: failed to close " + resource + ": " + e);
      }
    }
  }
}
