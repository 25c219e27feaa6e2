package io.mtlsoperator.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts write requests that the API server has served, from its own apiserver_request_total
 * metric, so a test can report how many writes an operation cost.
 */
public final class ApiWriteCounter {

  private static final Set<String> WRITE_VERBS = Set.of("POST", "PUT", "PATCH", "DELETE", "APPLY", "CREATE", "UPDATE");
  private static final Pattern SAMPLE = Pattern.compile("^apiserver_request_total\\{([^}]*)} ([0-9.e+]+)$");
  private static final Pattern VERB = Pattern.compile("(?:^|,)verb=\"([A-Z]+)\"");

  private ApiWriteCounter() {
  }

  /** Returns the total of write requests so far, over every resource and client. */
  public static long writesSoFar(KubernetesClient admin) {
    long total = 0;
    for (String line : admin.raw("/metrics").split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (!sample.matches()) {
        continue;
      }
      Matcher verb = VERB.matcher(sample.group(1));
      if (verb.find() && WRITE_VERBS.contains(verb.group(1))) {
        total += (long) Double.parseDouble(sample.group(2));
      }
    }
    return total;
  }
}
