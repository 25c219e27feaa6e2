package io.mtlsoperator.bench.cluster;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Counts from kube-apiserver's {@code apiserver_request_total}, keyed by verb, resource,
 * subresource and HTTP code. Requests to non-resource paths such as /metrics itself are left out,
 * because the harness's own scrapes would otherwise count as load.
 */
record ApiRequestCounts(Map<RequestKey, Double> counts) {

  /** One series of apiserver_request_total with the labels that matter here. */
  record RequestKey(String verb, String resource, String subresource, String code) implements Comparable<RequestKey> {

    String verbAndResource() {
      return verb + " " + resource + (subresource.isEmpty() ? "" : "/" + subresource);
    }

    @Override
    public int compareTo(RequestKey other) {
      return (verbAndResource() + code).compareTo(other.verbAndResource() + other.code);
    }
  }

  static ApiRequestCounts from(String metricsText) {
    Map<RequestKey, Double> counts = new TreeMap<>();
    for (PrometheusText.Sample sample : PrometheusText.parse(metricsText)) {
      if (!sample.name().equals("apiserver_request_total") || sample.label("resource").isEmpty()) {
        continue;
      }
      RequestKey key = new RequestKey(sample.label("verb"), sample.label("resource"), sample.label("subresource"),
          sample.label("code"));
      counts.merge(key, sample.value(), Double::sum);
    }
    return new ApiRequestCounts(counts);
  }

  /** Returns the requests made since {@code earlier}; series that did not grow are dropped. */
  ApiRequestCounts minus(ApiRequestCounts earlier) {
    Map<RequestKey, Double> delta = new TreeMap<>();
    counts.forEach((key, value) -> {
      double grown = value - earlier.counts.getOrDefault(key, 0.0);
      if (grown > 0) {
        delta.put(key, grown);
      }
    });
    return new ApiRequestCounts(delta);
  }

  double total() {
    return counts.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** Returns the requests that got HTTP status {@code code}, such as "409" for conflicts or "429" for throttling. */
  double withCode(String code) {
    return counts.entrySet().stream().filter(e -> e.getKey().code().equals(code))
        .mapToDouble(Map.Entry::getValue).sum();
  }

  /** Returns the counts per "verb resource[/subresource]", codes added together, largest first. */
  Map<String, Double> byVerbAndResource() {
    Map<String, Double> grouped = counts.entrySet().stream().collect(Collectors.groupingBy(
        e -> e.getKey().verbAndResource(), TreeMap::new, Collectors.summingDouble(Map.Entry::getValue)));
    return grouped.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
            java.util.LinkedHashMap::new));
  }
}
