package io.mtlsoperator.kube;

/** Recognises failures that only mean the operator is shutting down. */
public final class Interruptions {

  private Interruptions() {
  }

  /** Tells whether {@code error} or one of its causes is an interruption, as when JOSDK stops its executors. */
  public static boolean causedByInterruption(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof InterruptedException || cause instanceof java.io.InterruptedIOException) {
        return true;
      }
    }
    return false;
  }
}
