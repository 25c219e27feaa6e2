package io.mtlsoperator.bench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The load averages of this machine, as uptime prints them, from /proc/loadavg. */
final class MachineLoad {

  private MachineLoad() {
  }

  /** Returns "1-min 5-min 15-min" load averages, or "unknown" where /proc/loadavg is unreadable. */
  static String loadAverages() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
