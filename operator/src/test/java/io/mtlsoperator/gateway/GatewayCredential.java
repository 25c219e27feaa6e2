package io.mtlsoperator.gateway;

import java.util.Map;

/**
 * The content of an Istio gateway's credential Secret for TLS mode MUTUAL: the server's
 * certificate chain (leaf first), its private key, and the CA certificates that client
 * certificates must chain to. The bundle may contain several CAs, as during a CA rotation.
 */
public record GatewayCredential(String certificateChainPem, String privateKeyPem, String clientCaBundlePem) {

  /** The Secret key of the server's certificate chain. */
  public static final String CERTIFICATE_CHAIN_KEY = "tls.crt";
  /** The Secret key of the server's private key. */
  public static final String PRIVATE_KEY_KEY = "tls.key";
  /** The Secret key of the client-CA bundle. */
  public static final String CLIENT_CA_BUNDLE_KEY = "ca.crt";

  /** Returns the Secret data, keyed as Istio reads a credentialName Secret. */
  Map<String, String> secretData() {
    return Map.of(
        CERTIFICATE_CHAIN_KEY, certificateChainPem,
        PRIVATE_KEY_KEY, privateKeyPem,
        CLIENT_CA_BUNDLE_KEY, clientCaBundlePem);
  }

  /** Describes the credential without its private key. */
  @Override
  public String toString() {
    return "GatewayCredential[certificateChainPem=" + certificateChainPem.length() + " characters, "
        + "clientCaBundlePem=" + clientCaBundlePem.length() + " characters]";
  }
}
