package io.mtlsoperator.metrics;

import java.util.function.BooleanSupplier;

/**
 * The checks behind the probe endpoints.
 *
 * @param liveness false once the process should be restarted, served at /healthz
 * @param readiness true once the operator serves its purpose, served at /readyz
 */
public record HealthChecks(BooleanSupplier liveness, BooleanSupplier readiness) {
}
