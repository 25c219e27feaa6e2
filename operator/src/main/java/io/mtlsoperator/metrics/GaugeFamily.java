package io.mtlsoperator.metrics;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;

/** Collects the samples of one gauge during a single scrape. */
final class GaugeFamily {

  private final GaugeSnapshot.Builder snapshot;

  GaugeFamily(String name, String help) {
    this.snapshot = GaugeSnapshot.builder().name(name).help(help);
  }

  void add(Labels labels, double value) {
    snapshot.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(value).build());
  }

  GaugeSnapshot build() {
    return snapshot.build();
  }
}
