package io.mtlsoperator;

import java.time.Clock;
import java.util.Set;

/**
 * How an operator instance runs.
 *
 * @param clock the source of time for issuance and renewal; tests pass a fixed or offset clock
 * @param namespaces namespaces to watch; empty means all namespaces
 */
public record OperatorSettings(Clock clock, Set<String> namespaces) {

  public static OperatorSettings defaults() {
    return new OperatorSettings(Clock.systemUTC(), Set.of());
  }

  public OperatorSettings withNamespaces(Set<String> watched) {
    return new OperatorSettings(clock, Set.copyOf(watched));
  }
}
