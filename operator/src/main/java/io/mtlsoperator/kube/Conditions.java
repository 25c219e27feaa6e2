package io.mtlsoperator.kube;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Condition bookkeeping in the Kubernetes convention: lastTransitionTime moves only when status changes. */
public final class Conditions {

  public static final String READY = "Ready";
  public static final String ISSUING = "Issuing";

  private Conditions() {
  }

  /** Returns a copy of {@code existing} with condition {@code type} set as given. */
  public static List<Condition> with(List<Condition> existing, String type, boolean status, String reason,
      String message, Long observedGeneration, Instant now) {
    String statusText = status ? "True" : "False";
    Optional<Condition> previous = find(existing, type);
    String transitionTime = previous.filter(c -> statusText.equals(c.getStatus()))
        .map(Condition::getLastTransitionTime)
        .orElse(now.truncatedTo(ChronoUnit.SECONDS).toString());

    Condition updated = new ConditionBuilder()
        .withType(type)
        .withStatus(statusText)
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(observedGeneration)
        .withLastTransitionTime(transitionTime)
        .build();

    List<Condition> result = new ArrayList<>();
    boolean replaced = false;
    for (Condition condition : existing == null ? List.<Condition>of() : existing) {
      if (type.equals(condition.getType())) {
        result.add(updated);
        replaced = true;
      } else {
        result.add(condition);
      }
    }
    if (!replaced) {
      result.add(updated);
    }
    return result;
  }

  /** Returns a copy of {@code existing} without condition {@code type}. */
  public static List<Condition> without(List<Condition> existing, String type) {
    List<Condition> result = new ArrayList<>(existing == null ? List.of() : existing);
    result.removeIf(c -> type.equals(c.getType()));
    return result;
  }

  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions == null ? Optional.empty()
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  public static boolean isTrue(List<Condition> conditions, String type) {
    return find(conditions, type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  /** Tells whether condition {@code type} is True and was set for the resource's current {@code generation}. */
  public static boolean isTrueForGeneration(List<Condition> conditions, String type, Long generation) {
    return find(conditions, type)
        .map(c -> "True".equals(c.getStatus()) && java.util.Objects.equals(c.getObservedGeneration(), generation))
        .orElse(false);
  }
}
