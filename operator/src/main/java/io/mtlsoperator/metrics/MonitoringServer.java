package io.mtlsoperator.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves /metrics in the Prometheus text format, and /healthz and /readyz for the kubelet's
 * probes, with the JDK's built-in HTTP server.
 */
public final class MonitoringServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MonitoringServer.class);
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final String PLAIN_TEXT = "text/plain; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;

  private MonitoringServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Binds {@code address} (port 0 picks a free port) and starts serving. */
  public static MonitoringServer start(InetSocketAddress address, PrometheusMeterRegistry registry,
      HealthChecks health) {
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to listen for metrics and probes on " + address
          + "; set another port (METRICS_PORT) or stop the process that uses it", e);
    }
    server.createContext("/metrics", exactPath("/metrics", metrics(registry)));
    server.createContext("/healthz", exactPath("/healthz", probe(health.liveness(), "alive", "stopped")));
    server.createContext("/readyz", exactPath("/readyz", probe(health.readiness(), "ready", "not ready")));
    server.createContext("/", exchange -> respond(exchange, 404, PLAIN_TEXT, "not found\n"));

    // Two threads, so that a slow scrape never delays a probe.
    ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "monitoring-http");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.start();
    return new MonitoringServer(server, executor);
  }

  /** Returns the bound address, with the port that the system chose when port 0 was requested. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static HttpHandler probe(BooleanSupplier check, String passed, String failed) {
    return exchange -> {
      boolean ok = check.getAsBoolean();
      respond(exchange, ok ? 200 : 503, PLAIN_TEXT, (ok ? passed : failed) + "\n");
    };
  }

  /**
   * Passes only GET and HEAD requests for exactly {@code path} to {@code handler}, because the
   * JDK server matches contexts by prefix.
   */
  private static HttpHandler exactPath(String path, HttpHandler handler) {
    return exchange -> {
      if (!path.equals(exchange.getRequestURI().getPath())) {
        respond(exchange, 404, PLAIN_TEXT, "not found\n");
      } else if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        respond(exchange, 405, PLAIN_TEXT, "method not allowed\n");
      } else {
        handler.handle(exchange);
      }
    };
  }

  private static HttpHandler metrics(PrometheusMeterRegistry registry) {
    return exchange -> {
      String text;
      try {
        text = registry.scrape();
      } catch (RuntimeException e) {
        log.warn("Failed to collect metrics for a scrape", e);
        respond(exchange, 500, PLAIN_TEXT, "failed to collect metrics: " + e.getMessage() + "\n");
        return;
      }
      respond(exchange, 200, PROMETHEUS_TEXT, text);
    };
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    try (exchange) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }
}
