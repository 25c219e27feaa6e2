package io.mtlsoperator.bench.cluster;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Fills namespace bench-unrelated with Secrets that the operator does not manage (no
 * app.kubernetes.io/managed-by=mtls-operator label), each with 1 KiB of data, until S exist there.
 * A label-selected informer must not hold them.
 */
final class UnrelatedSecretsScenario implements Scenario {

  static final String NAMESPACE = "bench-unrelated";
  private static final int DATA_BYTES = 1024;

  private final int count;

  UnrelatedSecretsScenario(int count) {
    this.count = count;
  }

  @Override
  public String name() {
    return "unrelated-secrets:" + count;
  }

  @Override
  public void run(BenchContext context) throws Exception {
    context.resources().ensureNamespace(NAMESPACE);
    var page = context.client().secrets().inNamespace(NAMESPACE)
        .list(new ListOptionsBuilder().withLimit(1L).build());
    long existing = page.getItems().size() + (page.getMetadata().getRemainingItemCount() == null ? 0
        : page.getMetadata().getRemainingItemCount());
    if (existing >= count) {
      return;
    }
    byte[] data = new byte[DATA_BYTES];
    new Random(42).nextBytes(data);
    String encoded = Base64.getEncoder().encodeToString(data);
    List<String> names = IntStream.rangeClosed((int) existing + 1, count)
        .mapToObj(i -> String.format("unrelated-%06d", i)).toList();
    System.out.printf("==> %s: creating %d Secrets without the operator's label in %s%n", name(), names.size(),
        NAMESPACE);
    long started = System.nanoTime();
    try (MeasurementWindow window = MeasurementWindow.open(context)) {
      ConcurrentRequests.Outcome created = ConcurrentRequests.run(names, context.options().concurrency(),
          name -> context.client().secrets().inNamespace(NAMESPACE).resource(secret(name, encoded)).create());
      window.close();
      double seconds = (System.nanoTime() - started) / 1e9;
      ResultLog log = context.log();
      log.heading("Unrelated Secrets: " + names.size() + " created in " + NAMESPACE);
      log.line("- created %d (%d failed) in %.1f s, %.0f per second, each with %d bytes of data and no "
          + "operator label", created.sentAt().size(), created.failures(), seconds, created.sentAt().size() / seconds,
          DATA_BYTES);
      window.report(log, 0);
    }
  }

  private static Secret secret(String name, String encodedData) {
    return new SecretBuilder()
        .withNewMetadata().withName(name).withNamespace(NAMESPACE).addToLabels("app", "unrelated").endMetadata()
        .withType("Opaque")
        .addToData("payload", encodedData)
        .build();
  }
}
