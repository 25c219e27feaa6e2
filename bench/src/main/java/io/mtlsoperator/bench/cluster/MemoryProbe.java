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
 * Measures another JVM's memory with the JDK's jcmd: the live heap and instance counts from a
 * class histogram (which runs a full GC first), heap in use and committed from GC.heap_info right
 * after, and RSS from /proc.
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
  private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("Total\\s+\\d+\\s+(\\d+)");
  private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

  /**
   * Live heap (the histogram's total after its full GC), heap in use and committed after that GC
   * as G1 reports them by region, and RSS, all in KiB, plus instance counts of CACHED_CLASSES.
   */
  record Reading(long liveHeapKib, long heapUsedKib, long heapCommittedKib, long rssKib,
      Map<String, Long> instances) {

    @Override
    public String toString() {
      return String.format("live heap after full GC %.1f MiB (G1 used %.1f MiB, committed %.1f MiB), RSS %.1f MiB, "
          + "instances %s", liveHeapKib / 1024.0, heapUsedKib / 1024.0, heapCommittedKib / 1024.0, rssKib / 1024.0,
          instances);
    }
  }

  private MemoryProbe() {
  }

  /** Measures the JVM {@code pid}; the full histogram is written to {@code histogramFile}. */
  static Reading measure(long pid, Path histogramFile) {
    // GC.class_histogram runs a full GC itself, so its total is the live heap. GC.run first makes
    // the heap_info below follow a second full GC instead of whatever the operator allocated since.
    jcmd(pid, "GC.run");
    String histogram = jcmd(pid, "GC.class_histogram");
    String heapInfo = jcmd(pid, "GC.heap_info");
    long rss = readRss(pid);
    Matcher heap = HEAP_USED.matcher(heapInfo);
    if (!heap.find()) {
      throw new IllegalStateException("No 'total ...K, used ...K' line in GC.heap_info of " + pid + ":\n" + heapInfo);
    }
    Matcher total = HISTOGRAM_TOTAL.matcher(histogram);
    if (!total.find()) {
      throw new IllegalStateException("No 'Total' line in GC.class_histogram of " + pid);
    }
    try {
      Files.writeString(histogramFile, histogram);
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to write " + histogramFile, e);
    }
    return new Reading(Long.parseLong(total.group(1)) / 1024, Long.parseLong(heap.group(2)),
        Long.parseLong(heap.group(1)), rss, instances(histogram));
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
