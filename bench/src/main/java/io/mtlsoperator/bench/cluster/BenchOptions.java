package io.mtlsoperator.bench.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Command-line options of {@link ClusterBenchmark}; every size is part of the plan, so runs scale. */
record BenchOptions(List<String> plan, int concurrency, int timeoutMinutes, Path outputDirectory, Path operatorJar,
    List<String> operatorJvmOptions, Path pkiCostResults, double sampleSeconds) {

  /** The full plan that `make bench` runs: the order keeps the certificate count at each memory step. */
  static final String FULL_PLAN = String.join(",",
      "startup:0", "memory:0",
      "issuance:ecdsa:1000", "memory:1000",
      "issuance:ecdsa:100", "issuance:ecdsa:5000", "issuance:rsa:100", "issuance:rsa:1000",
      "steady:20:60",
      "rotation:1000",
      "memory:10000", "unrelated-secrets:50000", "memory:10000",
      "startup:10000");

  static final String USAGE = """
      Usage: bench/run-cluster [options]
        --plan LIST             comma-separated scenarios, run in order (default: the full plan below)
                                  startup:C            restart the operator with C certificates in the cluster
                                                       (created first if fewer exist); time to first reconcile
                                  issuance:KEY:N       create N MtlsCertificates at once (KEY ecdsa or rsa)
                                  steady:RATE:SECONDS  create RATE certificates per second for SECONDS
                                  rotation:N           renew N certificates at once with the renew annotation
                                  memory:C             top the cluster up to C certificates, then measure the
                                                       operator's heap after a full GC, RSS and cached objects
                                  unrelated-secrets:S  add Secrets without the operator's label until S exist
        --concurrency N         parallel requests when creating or annotating (default 32)
        --timeout-minutes M     longest wait for one scenario to finish (default 30)
        --output DIR            where results, the operator log and heap histograms go
                                (default bench/target/cluster)
        --operator-jar FILE     default operator/target/mtls-operator.jar
        --operator-jvm-options  JVM options of the operator process, space-separated
                                (default "-Xmx1g -XX:+ExitOnOutOfMemoryError")
        --pki-cost FILE         JMH JSON from bench/run-pki-cost for the crypto-floor ratios
                                (default bench/target/pki-cost.json; ratios are skipped without it)
        --sample-seconds S      interval of the API request-rate samples (default 2)
      Full plan: """ + FULL_PLAN + "\n";

  static BenchOptions parse(String[] args, Path repositoryRoot) {
    List<String> plan = Arrays.asList(FULL_PLAN.split(","));
    int concurrency = 32;
    int timeoutMinutes = 30;
    Path output = repositoryRoot.resolve("bench/target/cluster");
    Path jar = repositoryRoot.resolve("operator/target/mtls-operator.jar");
    List<String> jvmOptions = List.of("-Xmx1g", "-XX:+ExitOnOutOfMemoryError");
    Path pkiCost = repositoryRoot.resolve("bench/target/pki-cost.json");
    double sampleSeconds = 2;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        System.out.print(USAGE);
        System.exit(0);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Option " + option + " needs a value\n" + USAGE);
      }
      String value = args[++i];
      switch (option) {
        case "--plan" -> plan = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        case "--concurrency" -> concurrency = positive(option, value);
        case "--timeout-minutes" -> timeoutMinutes = positive(option, value);
        case "--output" -> output = Path.of(value).toAbsolutePath();
        case "--operator-jar" -> jar = Path.of(value).toAbsolutePath();
        case "--operator-jvm-options" -> jvmOptions = new ArrayList<>(Arrays.stream(value.trim().split("\\s+"))
            .filter(s -> !s.isEmpty()).toList());
        case "--pki-cost" -> pkiCost = Path.of(value).toAbsolutePath();
        case "--sample-seconds" -> sampleSeconds = Double.parseDouble(value);
        default -> throw new IllegalArgumentException("Unknown option " + option + "\n" + USAGE);
      }
    }
    return new BenchOptions(plan, concurrency, timeoutMinutes, output, jar, jvmOptions, pkiCost, sampleSeconds);
  }

  static int positive(String option, String value) {
    try {
      int number = Integer.parseInt(value);
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // Reported below together with zero and negative numbers.
    }
    throw new IllegalArgumentException(option + " '" + value + "' is invalid: use a positive whole number");
  }
}
