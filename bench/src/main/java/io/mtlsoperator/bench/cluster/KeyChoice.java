package io.mtlsoperator.bench.cluster;

import java.util.Locale;

/** The key algorithms the cluster scenarios issue with, and their names in the PKI-cost benchmark. */
enum KeyChoice {
  ECDSA("ECDSA", 256, "ECDSA_256", "ECDSA P-256"),
  RSA("RSA", 2048, "RSA_2048", "RSA 2048");

  final String algorithm;
  final int size;
  final String pkiCostKeySpec;
  final String description;

  KeyChoice(String algorithm, int size, String pkiCostKeySpec, String description) {
    this.algorithm = algorithm;
    this.size = size;
    this.pkiCostKeySpec = pkiCostKeySpec;
    this.description = description;
  }

  static KeyChoice parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid key algorithm '" + text + "': use ecdsa or rsa", e);
    }
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
