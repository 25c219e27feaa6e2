package io.mtlsoperator.kube;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.mtlsoperator.api.v1alpha1.IssuedStatus;
import io.mtlsoperator.lifecycle.ReconcileProblem;
import io.mtlsoperator.lifecycle.SpecTranslation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the status of one kind for both reconcilers. It writes only when the status changed, as
 * a server-side apply of the status alone. A problem that appears or changes gets an Event, and
 * the certificate facts of the last good state stay while Ready is False.
 */
public final class StatusReporter<R extends CustomResource<?, S>, S extends IssuedStatus> {

  /** Delay before a resource with a problem is reconciled again when no watched event arrives. */
  public static final Duration PROBLEM_RETRY = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(StatusReporter.class);
  private static final Duration MINIMUM_DELAY = Duration.ofSeconds(1);

  private final Supplier<R> emptyResource;
  private final Class<S> statusType;
  private final KubernetesSerialization serialization;
  private final EventRecorder events;
  private final Clock clock;

  public StatusReporter(Supplier<R> emptyResource, Class<S> statusType, KubernetesSerialization serialization,
      EventRecorder events, Clock clock) {
    this.emptyResource = emptyResource;
    this.statusType = statusType;
    this.serialization = serialization;
    this.events = events;
    this.clock = clock;
  }

  /** Returns a patch of {@code status}, or no update when the resource already has it. */
  public UpdateControl<R> patchIfChanged(R resource, S status) {
    if (status.equals(resource.getStatus())) {
      return UpdateControl.noUpdate();
    }
    return UpdateControl.patchStatus(statusOnly(resource, status));
  }

  /**
   * Reports {@code problem} as Ready=False, plus whatever {@code moreConditions} adds, and
   * schedules a retry unless only a spec edit can fix it.
   */
  public UpdateControl<R> problem(R resource, ReconcileProblem problem, UnaryOperator<List<Condition>> moreConditions) {
    List<Condition> previous = conditions(resource);
    S status = copyOfStatus(resource);
    status.setConditions(moreConditions.apply(Conditions.with(previous, Conditions.READY, false, problem.reason(),
        problem.getMessage(), resource.getMetadata().getGeneration(), clock.instant())));
    recordIfChanged(resource, Conditions.READY, problem);

    UpdateControl<R> control = patchIfChanged(resource, status);
    if (!SpecTranslation.INVALID_SPEC.equals(problem.reason())) {
      control.rescheduleAfter(PROBLEM_RETRY);
    }
    return control;
  }

  /**
   * Logs {@code problem} and records an Event for it, unless condition {@code type} of the resource
   * already reports the same reason and message. A problem that waits for another resource gets a
   * Normal Event, any other a Warning.
   */
  public void recordIfChanged(R resource, String type, ReconcileProblem problem) {
    boolean changed = Conditions.find(conditions(resource), type)
        .map(c -> !problem.reason().equals(c.getReason()) || !problem.getMessage().equals(c.getMessage()))
        .orElse(true);
    if (!changed) {
      return;
    }
    if (problem.isWaiting()) {
      log.info("Not ready yet ({}): {}", problem.reason(), problem.getMessage());
      events.normal(resource, problem.reason(), problem.getMessage());
    } else {
      log.warn("Not ready ({}): {}", problem.reason(), problem.getMessage());
      events.warning(resource, problem.reason(), problem.getMessage());
    }
  }

  /** Reports an unexpected failure; JOSDK retries with back-off. */
  public ErrorStatusUpdateControl<R> failure(R resource, Exception error) {
    if (Interruptions.causedByInterruption(error)) {
      log.debug("Reconcile interrupted by shutdown", error);
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    if (NamespaceTermination.causedBy(error)) {
      log.info("Namespace {} is being deleted; nothing more to do", resource.getMetadata().getNamespace());
      return ErrorStatusUpdateControl.<R>noStatusUpdate().withNoRetry();
    }
    log.error("Reconcile failed; retrying with back-off", error);
    S status = copyOfStatus(resource);
    status.setConditions(Conditions.with(conditions(resource), Conditions.READY, false, "ReconcileFailed",
        "The operator failed to reconcile: " + error.getMessage() + "; it retries with back-off",
        resource.getMetadata().getGeneration(), clock.instant()));
    return ErrorStatusUpdateControl.patchStatus(statusOnly(resource, status));
  }

  /** Returns the delay until {@code time}, at least one second so a due time never spins. */
  public Duration delayUntil(Instant time) {
    Duration until = Duration.between(clock.instant(), time);
    return until.compareTo(MINIMUM_DELAY) < 0 ? MINIMUM_DELAY : until;
  }

  public List<Condition> conditions(R resource) {
    return resource.getStatus() == null ? List.of() : resource.getStatus().getConditions();
  }

  /** Returns a deep copy, because the resource comes from the informer cache and must not change. */
  private S copyOfStatus(R resource) {
    if (resource.getStatus() == null) {
      return serialization.unmarshal("{}", statusType);
    }
    return serialization.clone(resource.getStatus());
  }

  /** Builds a fresh object with only identity and status, as server-side apply of the status expects. */
  private R statusOnly(R resource, S status) {
    R patch = emptyResource.get();
    patch.setMetadata(new ObjectMetaBuilder().withName(resource.getMetadata().getName())
        .withNamespace(resource.getMetadata().getNamespace()).build());
    patch.setStatus(status);
    return patch;
  }
}
