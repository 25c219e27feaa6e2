package io.mtlsoperator.bench.cluster;

import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Makes N certificates due at once by setting a new value of the pki.mtls-operator.io/renew
 * annotation on each (one JSON merge patch per certificate, sent with the configured parallelism),
 * and measures until every status.lastRenewalRequest shows that value.
 */
final class RotationStormScenario implements Scenario {

  private final int count;

  RotationStormScenario(int count) {
    this.count = count;
  }

  @Override
  public String name() {
    return "rotation:" + count;
  }

  @Override
  public void run(BenchContext context) throws Exception {
    String namespace = "bench-rotation-" + count;
    PkiResources resources = context.resources();
    if (context.resources().certificates().inNamespace(namespace).list().getItems().size() < count) {
      System.out.printf("==> %s: setting up %d certificates in %s (not measured)%n", name(), count, namespace);
      int existing = context.resources().certificates().inNamespace(namespace).list().getItems().size();
      context.createReadyCertificates(namespace, "cert", existing + 1, count - existing);
    }
    context.operator();
    List<String> names = IntStream.rangeClosed(1, count).mapToObj(i -> String.format("cert-%05d", i)).toList();
    String request = "bench-" + System.currentTimeMillis();
    String patch = "{\"metadata\":{\"annotations\":{\"" + PkiResources.RENEW_ANNOTATION + "\":\"" + request + "\"}}}";
    System.out.printf("==> %s: setting %s=%s on %d certificates%n", name(), PkiResources.RENEW_ANNOTATION, request,
        count);

    CreateToCondition result;
    ConcurrentRequests.Outcome annotated;
    MeasurementWindow window = MeasurementWindow.open(context);
    try (ConditionWatch renewed = new ConditionWatch(resources, namespace,
        certificate -> request.equals(PkiResources.lastRenewalRequest(certificate)) && PkiResources.isReady(certificate))) {
      annotated = ConcurrentRequests.run(names, context.options().concurrency(),
          name -> resources.certificates().inNamespace(namespace).withName(name)
              .patch(PatchContext.of(PatchType.JSON_MERGE), patch));
      renewed.awaitCount(annotated.sentAt().size(), context.timeout(), name() + " renewed");
      result = new CreateToCondition(annotated.sentAt(), renewed.metAt());
    } finally {
      window.close();
    }

    ResultLog log = context.log();
    log.heading("Rotation storm: " + count + " certificates renewed at once by annotation, "
        + KeyChoice.ECDSA.description);
    log.line("- renewed: %d of %d (%d annotation patches failed); patches sent in %.1f s", result.met(), count,
        annotated.failures(), result.sendingSeconds());
    log.line("- first patch to last renewal: %.1f s, so %.1f renewals per second", result.spanSeconds(),
        result.met() / result.spanSeconds());
    log.line("- patch to renewed (status.lastRenewalRequest shows the new value): %s", result.latencies());
    window.report(log, count);
    Scenario.requireAll(name(), result.met(), count, "renewed");
  }
}
