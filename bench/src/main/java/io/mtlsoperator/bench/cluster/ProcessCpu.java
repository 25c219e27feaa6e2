package io.mtlsoperator.bench.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time (user plus system, all threads) of the processes in a run: the operator, the control
 * plane that this harness started as child processes, and the harness itself. The JDK reads it
 * from /proc on Linux.
 */
final class ProcessCpu {

  static final String OPERATOR = "operator";
  static final String HARNESS = "harness";
  private static final List<String> CONTROL_PLANE = List.of("kube-apiserver", "etcd", "kube-controller-manager");

  private ProcessCpu() {
  }

  /** Returns CPU time per component; a component that is not running, or is not a child of this JVM, is absent. */
  static Map<String, Duration> read(Optional<ProcessHandle> operator) {
    Map<String, Duration> cpu = new LinkedHashMap<>();
    operator.flatMap(handle -> handle.info().totalCpuDuration()).ifPresent(time -> cpu.put(OPERATOR, time));
    ProcessHandle.current().descendants().forEach(process -> process.info().command().ifPresent(command -> {
      String name = Path.of(command).getFileName().toString();
      if (CONTROL_PLANE.contains(name)) {
        process.info().totalCpuDuration().ifPresent(time -> cpu.merge(name, time, Duration::plus));
      }
    }));
    ProcessHandle.current().info().totalCpuDuration().ifPresent(time -> cpu.put(HARNESS, time));
    return cpu;
  }

  /** Returns the CPU time used between two readings, per component present in both. */
  static Map<String, Duration> between(Map<String, Duration> before, Map<String, Duration> after) {
    Map<String, Duration> used = new LinkedHashMap<>();
    after.forEach((name, time) -> {
      Duration earlier = before.get(name);
      if (earlier != null) {
        used.put(name, time.minus(earlier));
      }
    });
    return used;
  }
}
