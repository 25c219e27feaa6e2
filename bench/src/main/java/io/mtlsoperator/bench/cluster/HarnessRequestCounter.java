package io.mtlsoperator.bench.cluster;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the harness's own requests to the API server, so that they can be subtracted from the
 * API server's totals. Scrapes of /metrics are not counted, as ApiRequestCounts leaves them out too.
 */
final class HarnessRequestCounter implements Interceptor {

  private final LongAdder requests = new LongAdder();

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    if (!request.uri().getPath().equals("/metrics")) {
      requests.increment();
    }
  }

  long count() {
    return requests.sum();
  }
}
