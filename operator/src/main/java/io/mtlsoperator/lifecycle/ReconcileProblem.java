package io.mtlsoperator.lifecycle;

/**
 * A reason the resource cannot be made Ready now, which the user or another resource must fix:
 * a missing issuer, a namespace the issuer does not allow, a foreign Secret in the way. The
 * reconcile reports it as Ready=False with this reason and message, records a Warning Event
 * and tries again later; it is not an operator failure.
 */
public class ReconcileProblem extends RuntimeException {

  private final String reason;
  private final boolean waiting;

  public ReconcileProblem(String reason, String message) {
    this(reason, message, null, false);
  }

  public ReconcileProblem(String reason, String message, Throwable cause) {
    this(reason, message, cause, false);
  }

  private ReconcileProblem(String reason, String message, Throwable cause, boolean waiting) {
    super(message, cause);
    this.reason = reason;
    this.waiting = waiting;
  }

  /**
   * Creates a problem that resolves itself once another resource catches up, such as an issuer
   * that is still being issued. It is reported with a Normal Event and logged at INFO.
   */
  public static ReconcileProblem waiting(String reason, String message) {
    return new ReconcileProblem(reason, message, null, true);
  }

  public boolean isWaiting() {
    return waiting;
  }

  /** CamelCase reason for the condition and the Event. */
  public String reason() {
    return reason;
  }
}
