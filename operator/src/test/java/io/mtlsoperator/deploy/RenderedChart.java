package io.mtlsoperator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.mtlsoperator.testing.Helm;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The objects that {@code helm template} renders from the chart, typed by Fabric8's model. */
final class RenderedChart {

  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

  private final String manifests;
  private final List<HasMetadata> objects;

  private RenderedChart(String manifests, List<HasMetadata> objects) {
    this.manifests = manifests;
    this.objects = objects;
  }

  /** Renders the chart as release {@code release} in {@code namespace}, with extra helm arguments such as --set. */
  static RenderedChart render(String release, String namespace, String... arguments) {
    List<String> command = new ArrayList<>(List.of("template", release, Helm.chartDirectory().toString(),
        "--namespace", namespace));
    command.addAll(List.of(arguments));
    String manifests = Helm.run(command.toArray(String[]::new)).requireSuccess().output();
    return new RenderedChart(manifests, parse(manifests));
  }

  static List<HasMetadata> parse(String manifests) {
    KubernetesSerialization serialization = new KubernetesSerialization();
    List<HasMetadata> objects = new ArrayList<>();
    for (String document : DOCUMENT_SEPARATOR.split(manifests)) {
      boolean onlyComments = document.lines().map(String::trim)
          .allMatch(line -> line.isEmpty() || line.startsWith("#"));
      if (!onlyComments) {
        objects.add(serialization.unmarshal(document));
      }
    }
    return objects;
  }

  String manifests() {
    return manifests;
  }

  List<HasMetadata> objects() {
    return objects;
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends HasMetadata> T one(Class<T> type, String name) {
    List<T> matching = all(type).stream().filter(object -> name.equals(object.getMetadata().getName())).toList();
    assertThat(matching).as("rendered %s named %s", type.getSimpleName(), name).hasSize(1);
    return matching.get(0);
  }

  List<String> kinds() {
    return objects.stream().map(HasMetadata::getKind).toList();
  }
}
