package io.mtlsoperator.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Receives every Event that {@link EventRecorder} records, before it is sent to the API server,
 * so that counting an issuance does not depend on the Event being accepted.
 */
@FunctionalInterface
public interface RecordedEventListener {

  RecordedEventListener NONE = (resource, type, reason) -> { };

  /** Called with the Event's involved object, its type (Normal or Warning) and its reason. */
  void recorded(HasMetadata resource, String type, String reason);
}
