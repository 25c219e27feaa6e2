package io.mtlsoperator.gateway;

import java.nio.file.Path;

/**
 * Writes the nginx.conf of the stand-in gateway: one TLS server on a loopback port that requires
 * a client certificate chaining to the bundle and returns 200 with the client's subject.
 */
final class NginxConfig {

  /**
   * The response header that carries the client's subject distinguished name, in the RFC 2253
   * form of nginx's {@code $ssl_client_s_dn}, e.g. {@code CN=client,O=Example}.
   */
  static final String CLIENT_SUBJECT_HEADER = "X-Client-Subject";

  /**
   * Max number of CA certificates above the client's leaf (the intermediates and the root). nginx's
   * default of 1 accepts only leaves signed directly by a CA in the bundle, but the operator
   * issues from intermediates.
   */
  private static final int VERIFY_DEPTH = 4;

  private NginxConfig() {
  }

  /**
   * Renders the configuration. Every path that it gives nginx to write to (pid file, logs, temp
   * files) lies in {@code runDirectory}, so that gateways started side by side share no files.
   */
  static String render(Path runDirectory, int port, SecretVolume credential) {
    Path temp = runDirectory.resolve("temp");
    return String.join("\n",
        "worker_processes 1;",
        "pid " + quote(runDirectory.resolve("nginx.pid")) + ";",
        // notice level logs each reload ("signal process started", "reconfiguring").
        "error_log " + quote(runDirectory.resolve("error.log")) + " notice;",
        "events {",
        "  worker_connections 64;",
        "}",
        "http {",
        "  access_log " + quote(runDirectory.resolve("access.log")) + ";",
        "  client_body_temp_path " + quote(temp.resolve("client_body")) + ";",
        "  proxy_temp_path " + quote(temp.resolve("proxy")) + ";",
        "  fastcgi_temp_path " + quote(temp.resolve("fastcgi")) + ";",
        "  uwsgi_temp_path " + quote(temp.resolve("uwsgi")) + ";",
        "  scgi_temp_path " + quote(temp.resolve("scgi")) + ";",
        "  server {",
        "    listen 127.0.0.1:" + port + " ssl;",
        "    ssl_certificate " + quote(credential.file(GatewayCredential.CERTIFICATE_CHAIN_KEY)) + ";",
        "    ssl_certificate_key " + quote(credential.file(GatewayCredential.PRIVATE_KEY_KEY)) + ";",
        "    ssl_client_certificate " + quote(credential.file(GatewayCredential.CLIENT_CA_BUNDLE_KEY)) + ";",
        "    ssl_verify_client on;",
        "    ssl_verify_depth " + VERIFY_DEPTH + ";",
        "    location / {",
        "      default_type text/plain;",
        "      add_header " + CLIENT_SUBJECT_HEADER + " $ssl_client_s_dn always;",
        "      return 200 \"$ssl_client_s_dn\\n\";",
        "    }",
        "  }",
        "}",
        "");
  }

  /** Quotes a path for nginx.conf, where a space or semicolon would otherwise end the value. */
  private static String quote(Path path) {
    String text = path.toAbsolutePath().toString();
    if (text.contains("\"") || text.contains("\\")) {
      throw new IllegalArgumentException("Path " + text
          + " contains a quote or backslash, which this configuration writer does not escape");
    }
    return "\"" + text + "\"";
  }
}
