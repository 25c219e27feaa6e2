package io.mtlsoperator.lifecycle;

/**
 * A reason the resource cannot be made Ready now, which the user or another resource must fix:
 * a missing issuer, a namespace the issuer does not allow, a foreign Secret in the way. The
 * reconcile reports it as Ready=False with this reason and message, records a Warning Event
 * and tries again later; it is not an operator failure.
 */
public class ReconcileProblem extends RuntimeException {

  private final String reason;

  public ReconcileProblem(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ReconcileProblem(String reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** CamelCase reason for the condition and the Event. */
  public String reason() {
    return reason;
  }
}
