package io.mtlsoperator.lifecycle;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.mtlsoperator.kube.SecretMetadata;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the renew annotation, which forces a renewal when its value differs from the value the
 * current certificate was issued for. That value is stored on the Secret together with the
 * certificate, so a reconcile that reads a stale status cannot renew twice.
 */
public final class RenewalRequest {

  private RenewalRequest() {
  }

  /** Returns the value of the resource's renew annotation, if any. */
  public static Optional<String> requested(HasMetadata resource) {
    return annotation(resource, SecretMetadata.RENEW_ANNOTATION);
  }

  /** Tells whether the annotation requests a renewal that the Secret's certificate was not issued for. */
  public static boolean isOutstanding(HasMetadata resource, Secret secret) {
    Optional<String> requested = requested(resource);
    return requested.isPresent() && !Objects.equals(requested.get(), answered(secret));
  }

  /** Returns the request value to record on the new Secret: the requested one after an issue, else the kept one. */
  public static String answeredAfter(HasMetadata resource, Secret current, boolean issued) {
    String previous = answered(current);
    return issued ? requested(resource).orElse(previous) : previous;
  }

  private static String answered(Secret secret) {
    return secret == null ? null : annotation(secret, SecretMetadata.RENEWAL_REQUEST_ANNOTATION).orElse(null);
  }

  private static Optional<String> annotation(HasMetadata resource, String key) {
    return Optional.ofNullable(resource.getMetadata().getAnnotations())
        .map(annotations -> annotations.get(key))
        .filter(value -> !value.isBlank());
  }
}
