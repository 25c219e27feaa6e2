package io.mtlsoperator.bench.cluster;

/** One step of the plan; it reports its own results to the context's log. */
interface Scenario {

  /** The plan token that selects this scenario, such as "issuance:ecdsa:1000". */
  String name();

  void run(BenchContext context) throws Exception;

  /** Parses one plan token. */
  static Scenario parse(String token) {
    String[] parts = token.split(":");
    try {
      return switch (parts[0]) {
        case "startup" -> new StartupScenario(count(parts, 1));
        case "issuance" -> new IssuanceScenario(KeyChoice.parse(parts[1]), count(parts, 2));
        case "steady" -> new SteadyRateScenario(count(parts, 1), count(parts, 2));
        case "rotation" -> new RotationStormScenario(count(parts, 1));
        case "memory" -> new MemoryScenario(count(parts, 1));
        case "unrelated-secrets" -> new UnrelatedSecretsScenario(count(parts, 1));
        default -> throw new IllegalArgumentException("Unknown scenario '" + parts[0] + "' in plan token '" + token
            + "'; see --help");
      };
    } catch (ArrayIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("Plan token '" + token + "' lacks a value; see --help", e);
    }
  }

  /** Throws when fewer than {@code expected} resources reached the state, after the results were logged. */
  static void requireAll(String scenario, int reached, int expected, String state) {
    if (reached < expected) {
      throw new IllegalStateException(scenario + ": only " + reached + " of " + expected + " certificates " + state);
    }
  }

  private static int count(String[] parts, int index) {
    try {
      int value = Integer.parseInt(parts[index]);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below together with negative numbers.
    }
    throw new IllegalArgumentException("Invalid number '" + parts[index] + "' in plan token '"
        + String.join(":", parts) + "': use a whole number of at least 0");
  }
}
