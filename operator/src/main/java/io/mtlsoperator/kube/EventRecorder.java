package io.mtlsoperator.kube;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes core/v1 Events about our resources, as kubectl describe shows them. Callers record an
 * Event when a condition changes, not on every reconcile, so retries do not flood the namespace.
 */
public final class EventRecorder {

  public static final String NORMAL = "Normal";
  public static final String WARNING = "Warning";

  private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);
  private static final String COMPONENT = "mtls-operator";

  private final KubernetesClient client;
  private final Clock clock;
  private final RecordedEventListener listener;

  public EventRecorder(KubernetesClient client, Clock clock) {
    this(client, clock, RecordedEventListener.NONE);
  }

  public EventRecorder(KubernetesClient client, Clock clock, RecordedEventListener listener) {
    this.client = client;
    this.clock = clock;
    this.listener = listener;
  }

  public void normal(HasMetadata resource, String reason, String message) {
    record(resource, NORMAL, reason, message);
  }

  public void warning(HasMetadata resource, String reason, String message) {
    record(resource, WARNING, reason, message);
  }

  private void record(HasMetadata resource, String type, String reason, String message) {
    listener.recorded(resource, type, reason);
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    var event = new EventBuilder()
        .withNewMetadata()
          .withGenerateName(resource.getMetadata().getName() + ".")
          .withNamespace(resource.getMetadata().getNamespace())
        .endMetadata()
        .withNewInvolvedObject()
          .withApiVersion(resource.getApiVersion())
          .withKind(resource.getKind())
          .withName(resource.getMetadata().getName())
          .withNamespace(resource.getMetadata().getNamespace())
          .withUid(resource.getMetadata().getUid())
          .withResourceVersion(resource.getMetadata().getResourceVersion())
        .endInvolvedObject()
        .withType(type)
        .withReason(reason)
        .withMessage(message)
        .withFirstTimestamp(now)
        .withLastTimestamp(now)
        .withCount(1)
        .withNewSource().withComponent(COMPONENT).endSource()
        .withReportingComponent(COMPONENT)
        .build();
    try {
      client.v1().events().inNamespace(resource.getMetadata().getNamespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      // An Event is a courtesy: losing one must not fail the reconcile that already did its work.
      if (NamespaceTermination.causedBy(e)) {
        log.debug("Skipped Event {} because namespace {} is being deleted", reason,
            resource.getMetadata().getNamespace());
        return;
      }
      log.warn("Failed to record Event {} for {}/{}: {}", reason, resource.getMetadata().getNamespace(),
          resource.getMetadata().getName(), e.getMessage());
    }
  }
}
