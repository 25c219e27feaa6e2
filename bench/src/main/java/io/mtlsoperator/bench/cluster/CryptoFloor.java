package io.mtlsoperator.bench.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The cost of key generation plus leaf signing per key algorithm, read from the JMH results of
 * bench/run-pki-cost (benchmark keyGenerationAndLeafSigning, microseconds per operation).
 */
final class CryptoFloor {

  private static final String BENCHMARK = "io.mtlsoperator.bench.PkiCostBenchmark.keyGenerationAndLeafSigning";

  private final Map<String, Double> microsByKeySpec;

  private CryptoFloor(Map<String, Double> microsByKeySpec) {
    this.microsByKeySpec = microsByKeySpec;
  }

  /** Reads {@code file}; without it every floor is empty and the ratios are skipped. */
  static CryptoFloor read(Path file) {
    Map<String, Double> micros = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return new CryptoFloor(micros);
    }
    try {
      for (JsonNode result : new ObjectMapper().readTree(file.toFile())) {
        if (BENCHMARK.equals(result.path("benchmark").asText())
            && "us/op".equals(result.path("primaryMetric").path("scoreUnit").asText())) {
          micros.put(result.path("params").path("keySpec").asText(),
              result.path("primaryMetric").path("score").asDouble());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to read the PKI-cost results " + file, e);
    }
    return new CryptoFloor(micros);
  }

  /** Returns the floor for {@code key} in milliseconds per certificate, if it was measured. */
  OptionalDouble millis(KeyChoice key) {
    Double micros = microsByKeySpec.get(key.pkiCostKeySpec);
    return micros == null ? OptionalDouble.empty() : OptionalDouble.of(micros / 1000);
  }
}
