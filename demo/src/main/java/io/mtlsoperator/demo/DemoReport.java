package io.mtlsoperator.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the demo found: the resources as last read, whether and when they all became Ready,
 * and the handshake outcome per client certificate.
 *
 * @param handshakeError why the handshake check could not run to the end, or null when it did or was skipped
 */
record DemoReport(ReadinessWait.ReadinessResult readiness, Map<ResourceKey, HandshakeOutcome> handshakes,
    String handshakeError) {

  /** Lists each failure in one line. An empty list means the demo passed. */
  List<String> failures() {
    List<String> failures = new ArrayList<>();
    for (ObservedResource resource : readiness.resources()) {
      if (!resource.isReady()) {
        failures.add(resource.key() + " is not Ready: " + resource.describeReadyCondition());
      }
    }
    if (!readiness.allReady() && failures.isEmpty()) {
      failures.add("Not every applied resource appeared in the namespace before the timeout");
    }
    if (handshakeError != null) {
      failures.add("Handshake check failed: " + handshakeError);
    }
    handshakes.forEach((key, outcome) -> {
      if (!outcome.asExpected()) {
        failures.add(key + " handshake " + outcome.describe());
      }
    });
    return failures;
  }
}
