package io.mtlsoperator.bench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The machine a run measured: CPUs, CPU model, memory and JDK, from /proc and system properties. */
final class MachineDescription {

  private MachineDescription() {
  }

  static String describe() {
    String cpuModel = procLine("/proc/cpuinfo", "model name").orElse("unknown");
    String memory = procLine("/proc/meminfo", "MemTotal").map(text -> {
      long kib = Long.parseLong(text.replaceAll("[^0-9]", ""));
      return String.format("%.1f GiB", kib / 1024.0 / 1024.0);
    }).orElse("unknown");
    return String.format("%d CPUs (availableProcessors), %s, %s RAM, %s %s (%s)",
        Runtime.getRuntime().availableProcessors(), cpuModel, memory, System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"), System.getProperty("java.vendor"));
  }

  private static Optional<String> procLine(String file, String key) {
    try {
      return Files.readAllLines(Path.of(file)).stream().filter(line -> line.startsWith(key))
          .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
