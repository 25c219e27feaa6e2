package io.mtlsoperator.authority;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/** Evaluates a LabelSelector against labels, with the semantics of the Kubernetes API. */
final class LabelSelectorMatcher {

  private LabelSelectorMatcher() {
  }

  /** Matches labels against the selector; an empty selector matches everything, as in the Kubernetes API. */
  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    Map<String, String> actual = labels == null ? Map.of() : labels;
    if (selector.getMatchLabels() != null) {
      for (var required : selector.getMatchLabels().entrySet()) {
        if (!required.getValue().equals(actual.get(required.getKey()))) {
          return false;
        }
      }
    }
    List<LabelSelectorRequirement> expressions =
        selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
    return expressions.stream().allMatch(expression -> matches(expression, actual));
  }

  private static boolean matches(LabelSelectorRequirement requirement, Map<String, String> labels) {
    String value = labels.get(requirement.getKey());
    List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
    return switch (requirement.getOperator()) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> labels.containsKey(requirement.getKey());
      case "DoesNotExist" -> !labels.containsKey(requirement.getKey());
      default -> throw new IllegalArgumentException("Unknown label selector operator '" + requirement.getOperator()
          + "': use In, NotIn, Exists or DoesNotExist");
    };
  }
}
