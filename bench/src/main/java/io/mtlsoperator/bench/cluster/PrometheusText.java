package io.mtlsoperator.bench.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses the Prometheus text exposition format (version 0.0.4) into samples; comments are skipped. */
final class PrometheusText {

  /** One sample line: metric name, labels and value. */
  record Sample(String name, Map<String, String> labels, double value) {

    String label(String key) {
      return labels.getOrDefault(key, "");
    }
  }

  private PrometheusText() {
  }

  static List<Sample> parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      samples.add(parseLine(line));
    }
    return samples;
  }

  /** Returns the sum of every sample of {@code name}, or 0 when the metric is absent. */
  static double sum(List<Sample> samples, String name) {
    return samples.stream().filter(sample -> sample.name().equals(name)).mapToDouble(Sample::value).sum();
  }

  private static Sample parseLine(String line) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    if (brace < 0 || (space >= 0 && space < brace)) {
      String[] words = line.trim().split("\\s+");
      return new Sample(words[0], Map.of(), parseValue(words[1]));
    }
    Map<String, String> labels = new LinkedHashMap<>();
    int position = brace + 1;
    while (line.charAt(position) != '}') {
      int equals = line.indexOf('=', position);
      String key = line.substring(position, equals).trim();
      StringBuilder value = new StringBuilder();
      int index = equals + 2;
      for (; line.charAt(index) != '"'; index++) {
        char c = line.charAt(index);
        if (c == '\\') {
          index++;
          char escaped = line.charAt(index);
          value.append(escaped == 'n' ? '\n' : escaped);
        } else {
          value.append(c);
        }
      }
      labels.put(key, value.toString());
      position = index + 1;
      if (line.charAt(position) == ',') {
        position++;
      }
    }
    String[] rest = line.substring(position + 1).trim().split("\\s+");
    return new Sample(line.substring(0, brace), labels, parseValue(rest[0]));
  }

  /** Parses a sample value, including the format's "+Inf", "-Inf" and "NaN", which Java spells differently. */
  private static double parseValue(String text) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }
}
