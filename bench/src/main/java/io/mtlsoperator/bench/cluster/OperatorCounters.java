package io.mtlsoperator.bench.cluster;

import java.util.List;

/**
 * The operator's own counters from its /metrics (JOSDK's Micrometer metrics and the operator's
 * issuance counters, see docs/metrics.md), added up over controllers and namespaces.
 */
record OperatorCounters(double reconcilesStarted, double reconcilesSucceeded, double reconcilesFailed,
    double reconcileSeconds, double reconcileCount, double issuances, double failureEvents) {

  static final OperatorCounters ZERO = new OperatorCounters(0, 0, 0, 0, 0, 0, 0);

  static OperatorCounters from(String metricsText) {
    List<PrometheusText.Sample> samples = PrometheusText.parse(metricsText);
    return new OperatorCounters(
        PrometheusText.sum(samples, "operator_sdk_reconciliations_started_total"),
        PrometheusText.sum(samples, "operator_sdk_reconciliations_success_total"),
        PrometheusText.sum(samples, "operator_sdk_reconciliations_failed_total"),
        PrometheusText.sum(samples, "operator_sdk_controllers_execution_reconcile_seconds_sum"),
        PrometheusText.sum(samples, "operator_sdk_controllers_execution_reconcile_seconds_count"),
        PrometheusText.sum(samples, "mtls_operator_issuances_total"),
        PrometheusText.sum(samples, "mtls_operator_failures_total"));
  }

  OperatorCounters minus(OperatorCounters earlier) {
    return new OperatorCounters(reconcilesStarted - earlier.reconcilesStarted,
        reconcilesSucceeded - earlier.reconcilesSucceeded, reconcilesFailed - earlier.reconcilesFailed,
        reconcileSeconds - earlier.reconcileSeconds, reconcileCount - earlier.reconcileCount,
        issuances - earlier.issuances, failureEvents - earlier.failureEvents);
  }

  /** Returns the mean time of one reconcile in milliseconds, as JOSDK times it, or NaN without reconciles. */
  double meanReconcileMillis() {
    return reconcileCount == 0 ? Double.NaN : reconcileSeconds / reconcileCount * 1000;
  }
}
