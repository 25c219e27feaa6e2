package io.mtlsoperator.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of a Prometheus text endpoint, parsed into samples, as a Prometheus server would read it. */
public final class PrometheusScrape {

  /** One line of the exposition: metric name, labels and value. */
  public record Sample(String name, Map<String, String> labels, double value) {
  }

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String text;
  private final List<Sample> samples;

  private PrometheusScrape(String text, List<Sample> samples) {
    this.text = text;
    this.samples = samples;
  }

  /** Sends a GET to {@code uri}, which must be a server that the test started on loopback. */
  public static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public static PrometheusScrape of(URI metricsUri) throws IOException, InterruptedException {
    HttpResponse<String> response = get(metricsUri);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + metricsUri + " returned " + response.statusCode());
    }
    return parse(response.body());
  }

  /** Scrapes /metrics of a running operator that serves its monitoring endpoints. */
  public static PrometheusScrape of(RunningOperator operator) throws IOException, InterruptedException {
    return of(baseUri(operator).resolve("/metrics"));
  }

  /** Returns http://127.0.0.1:port of the operator's monitoring endpoints. */
  public static URI baseUri(RunningOperator operator) {
    int port = operator.operator().monitoringAddress()
        .orElseThrow(() -> new IllegalStateException("The operator serves no monitoring endpoints"))
        .getPort();
    return URI.create("http://127.0.0.1:" + port);
  }

  public static PrometheusScrape parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher sample = SAMPLE.matcher(line.trim());
      if (line.startsWith("#") || !sample.matches()) {
        continue;
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (sample.group(2) != null) {
        Matcher label = LABEL.matcher(sample.group(2));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
    }
    return new PrometheusScrape(text, samples);
  }

  public String text() {
    return text;
  }

  /** Returns the samples of {@code name} whose labels include every entry of {@code labels}. */
  public List<Sample> find(String name, Map<String, String> labels) {
    return samples.stream()
        .filter(sample -> sample.name().equals(name))
        .filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()))
        .toList();
  }

  /** Returns the value of the one sample that matches, or empty when none does; fails when several do. */
  public OptionalDouble value(String name, Map<String, String> labels) {
    List<Sample> matching = find(name, labels);
    if (matching.size() > 1) {
      throw new IllegalStateException(matching.size() + " samples of " + name + " match " + labels);
    }
    return matching.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(matching.get(0).value());
  }

  /** Returns the sum over every sample that matches; 0 when none does, as Prometheus treats a missing counter. */
  public double sum(String name, Map<String, String> labels) {
    return find(name, labels).stream().mapToDouble(Sample::value).sum();
  }
}
