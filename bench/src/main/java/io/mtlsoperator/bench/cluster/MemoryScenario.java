package io.mtlsoperator.bench.cluster;

/**
 * Tops the cluster up to C certificates (new ones go to namespace bench-memory), then measures the
 * operator's heap after a full GC, its RSS, and how many Secrets and other objects it holds.
 */
final class MemoryScenario implements Scenario {

  static final String NAMESPACE = "bench-memory";

  private final int certificates;

  MemoryScenario(int certificates) {
    this.certificates = certificates;
  }

  @Override
  public String name() {
    return "memory:" + certificates;
  }

  @Override
  public void run(BenchContext context) throws Exception {
    topUp(context, certificates);
    OperatorProcess operator = context.operator();
    context.awaitOperatorIdle();
    long certificatesNow = context.countCertificates();
    long secretsNow = context.countSecrets();
    String load = MachineLoad.loadAverages();
    String histogram = "heap-histogram-" + certificatesNow + "-certificates-" + secretsNow + "-secrets.txt";
    System.out.printf("==> %s: measuring the operator's memory (pid %d)%n", name(), operator.pid());
    MemoryProbe.Reading reading = MemoryProbe.measure(operator.pid(),
        context.options().outputDirectory().resolve(histogram));

    ResultLog log = context.log();
    log.heading("Memory: " + certificatesNow + " certificates, " + secretsNow + " Secrets in the cluster");
    log.line("- load averages (1, 5, 15 min): %s", load);
    log.line("- operator JVM options: %s", String.join(" ", context.options().operatorJvmOptions()));
    log.line("- %s", reading);
    log.line("- per certificate, baseline included: %.1f KiB of live heap", reading.liveHeapKib()
        / (double) Math.max(1, certificatesNow));
    log.line("- heap histogram: %s", histogram);
  }

  /** Creates certificates in bench-memory until the cluster contains {@code target}; returns how many it created. */
  static long topUp(BenchContext context, long target) throws InterruptedException {
    context.operator();
    long existing = context.countCertificates();
    if (existing >= target) {
      return 0;
    }
    long missing = target - existing;
    int alreadyInNamespace = context.resources().certificates().inNamespace(NAMESPACE).list().getItems().size();
    System.out.printf("==> topping the cluster up from %d to %d certificates in %s (not measured)%n", existing,
        target, NAMESPACE);
    context.createReadyCertificates(NAMESPACE, "cert", alreadyInNamespace + 1, (int) missing);
    return missing;
  }
}
