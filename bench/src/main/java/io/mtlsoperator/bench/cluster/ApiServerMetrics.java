package io.mtlsoperator.bench.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reads kube-apiserver's /metrics with the admin client's credentials. */
final class ApiServerMetrics {

  private static final long TIMEOUT_SECONDS = 30;

  private final KubernetesClient client;
  private final HarnessRequestCounter harnessRequests;

  ApiServerMetrics(KubernetesClient client, HarnessRequestCounter harnessRequests) {
    this.client = client;
    this.harnessRequests = harnessRequests;
  }

  /** The API server's request counts and the harness's own request count at one moment. */
  record Snapshot(ApiRequestCounts requests, long harnessRequests, long nanoTime) {
  }

  Snapshot snapshot() {
    long harness = harnessRequests.count();
    return new Snapshot(ApiRequestCounts.from(metricsText()), harness, System.nanoTime());
  }

  String metricsText() {
    HttpClient http = client.getHttpClient();
    String url = client.getConfiguration().getMasterUrl().replaceAll("/+$", "") + "/metrics";
    HttpRequest request = http.newHttpRequestBuilder().uri(url).build();
    try {
      HttpResponse<String> response = http.sendAsync(request, String.class).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (response.code() != 200) {
        throw new IllegalStateException("GET " + url + " returned HTTP " + response.code());
      }
      return response.body();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Failed to read kube-apiserver metrics from " + url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading kube-apiserver metrics", e);
    }
  }
}
