package io.mtlsoperator.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders the final table: one row per resource with its Ready status, expiry and handshake result. */
final class SummaryTable {

  private static final List<String> HEADER = List.of("RESOURCE", "READY", "EXPIRES", "HANDSHAKE");

  private SummaryTable() {
  }

  static String render(List<ObservedResource> resources, Map<ResourceKey, HandshakeOutcome> handshakes,
      boolean handshakesRan) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (ObservedResource resource : resources) {
      rows.add(List.of(resource.key().toString(), resource.readyStatus(), resource.notAfter(),
          handshakeCell(resource, handshakes, handshakesRan)));
    }
    return format(rows);
  }

  // Only client certificates connect, so the column stays "-" for authorities and the server.
  private static String handshakeCell(ObservedResource resource, Map<ResourceKey, HandshakeOutcome> handshakes,
      boolean handshakesRan) {
    HandshakeOutcome outcome = handshakes.get(resource.key());
    if (outcome != null) {
      return outcome.describe();
    }
    boolean isClient = PkiKinds.MTLS_CERTIFICATE.equals(resource.key().kind())
        && "Client".equals(resource.specString("usage"));
    return isClient && !handshakesRan ? "not run" : "-";
  }

  private static String format(List<List<String>> rows) {
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int column = 0; column < widths.length; column++) {
        widths[column] = Math.max(widths[column], row.get(column).length());
      }
    }
    StringBuilder table = new StringBuilder();
    for (List<String> row : rows) {
      for (int column = 0; column < widths.length; column++) {
        boolean last = column == widths.length - 1;
        table.append(last ? row.get(column) : String.format("%-" + widths[column] + "s  ", row.get(column)));
      }
      table.append(System.lineSeparator());
    }
    return table.toString();
  }
}
