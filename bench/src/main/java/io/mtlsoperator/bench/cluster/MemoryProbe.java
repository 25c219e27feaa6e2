package io.mtlsoperator.bench.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures another JVM's memory with the JDK's jcmd: heap in use after a full GC (GC.run, then
 * GC.heap_info), RSS from /proc, and instance counts from a class histogram.
 */
final class MemoryProbe {

  /** Classes whose instance counts show what the informer caches hold. */
  static final List<String> CACHED_CLASSES = List.of(
      "io.fabric8.kubernetes.api.model.Secret",
      "io.mtlsoperator.api.v1alpha1.MtlsCertificate",
      "io.mtlsoperator.api.v1alpha1.CertificateAuthority",
      "io.fabric8.kubernetes.api.model.ConfigMap",
      "io.fabric8.kubernetes.api.model.Namespace");

  private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");
  private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

  /** Heap in use after a full GC and committed heap in KiB, RSS in KiB, and instance counts of CACHED_CLASSES. */
  record Reading(long heapUsedKib, long heapCommittedKib, long rssKib, Map<String, Long> instances) {

    @Override
    public String toString() {
      return String.format("heap after full GC %.1f MiB (committed %.1f MiB), RSS %.1f MiB, instances %s",
          heapUsedKib / 1024.0, heapCommittedKib / 1024.0, rssKib / 1024.0, instances);
    }
  }

  private MemoryProbe() {
  }

  /** Measures the JVM {@code pid}; the full histogram is written to {@code histogramFile}. */
  static Reading measure(long pid, Path histogramFile) {
    jcmd(pid, "GC.run");
    String heapInfo = jcmd(pid, "GC.heap_info");
    Matcher heap = HEAP_USED.matcher(heapInfo);
    if (!heap.find()) {
      throw new IllegalStateException("No 'total ...K, used ...K' line in GC.heap_info of " + pid + ":\n" + heapInfo);
    }
    long rss = readRss(pid);
    String histogram = jcmd(pid, "GC.class_histogram");
    try {
      Files.writeString(histogramFile, histogram);
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to write " + histogramFile, e);
    }
    return new Reading(Long.parseLong(heap.group(2)), Long.parseLong(heap.group(1)), rss, instances(histogram));
  }

  private static Map<String, Long> instances(String histogram) {
    Map<String, Long> counts = new LinkedHashMap<>();
    CACHED_CLASSES.forEach(name -> counts.put(name.substring(name.lastIndexOf('.') + 1), 0L));
    for (String line : histogram.split("\n")) {
      String[] words = line.trim().split("\\s+");
      // Lines read "num: #instances #bytes class-name (module)".
      if (words.length >= 4 && CACHED_CLASSES.contains(words[3])) {
        counts.put(words[3].substring(words[3].lastIndexOf('.') + 1), Long.parseLong(words[1]));
      }
    }
    return counts;
  }

  private static long readRss(long pid) {
    try {
      Matcher rss = RSS.matcher(Files.readString(Path.of("/proc", String.valueOf(pid), "status")));
      if (!rss.find()) {
        throw new IllegalStateException("No VmRSS line in /proc/" + pid + "/status");
      }
      return Long.parseLong(rss.group(1));
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to read /proc/" + pid + "/status", e);
    }
  }

  private static String jcmd(long pid, String command) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command)
          .redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException("jcmd " + pid + " " + command + " failed:\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to run " + jcmd, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running jcmd " + command, e);
    }
  }
}
