package io.mtlsoperator.testing.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway CustomResourceDefinitions that the gateway wiring writes to: Istio's Gateway, four
 * CRDs of the Gateway API's standard channel and Gardener cert-management's Certificate and
 * Issuer, copied from their Go modules at the versions that testing/gateway-crds/go.mod pins.
 */
public final class GatewayCrds {

  /** The CRDs that testing/gateway-crds/build copies, each into the file {@code <name>.yaml}. */
  public static final List<String> NAMES = List.of(
      "gateways.networking.istio.io",
      "gatewayclasses.gateway.networking.k8s.io",
      "gateways.gateway.networking.k8s.io",
      "httproutes.gateway.networking.k8s.io",
      "referencegrants.gateway.networking.k8s.io",
      "certificates.cert.gardener.cloud",
      "issuers.cert.gardener.cloud");

  private static final Logger log = LoggerFactory.getLogger(GatewayCrds.class);
  private static final long BUILD_TIMEOUT_MINUTES = 10;

  private GatewayCrds() {
  }

  /**
   * Runs testing/gateway-crds/build, which returns at once when the cache is current, and
   * returns the directory it prints last. Fails when a file of {@link #NAMES} is missing there.
   */
  public static Path directory(Path repositoryRoot) {
    Path script = repositoryRoot.resolve("testing/gateway-crds/build");
    String lastLine = runBuild(script);
    Path directory = Path.of(lastLine);
    for (String name : NAMES) {
      if (!Files.isRegularFile(file(directory, name))) {
        throw new IllegalStateException("Missing " + file(directory, name) + " after " + script);
      }
    }
    return directory;
  }

  /**
   * Installs every gateway CRD that the cluster does not serve yet and returns the names of
   * those it installed. A CRD that exists is left as it is, because on a real cluster it belongs
   * to the installed Istio, Gateway API or cert-management, and replacing its schema would
   * change what that cluster accepts.
   */
  public static List<String> installMissing(KubernetesClient client, Path repositoryRoot) {
    Path directory = directory(repositoryRoot);
    List<String> installed = new ArrayList<>();
    for (String name : NAMES) {
      if (client.apiextensions().v1().customResourceDefinitions().withName(name).get() != null) {
        log.info("CRD {} exists already; leaving it unchanged", name);
        continue;
      }
      installed.add(CrdInstaller.install(client, file(directory, name)));
    }
    return installed;
  }

  private static Path file(Path directory, String name) {
    return directory.resolve(name + ".yaml");
  }

  private static String runBuild(Path script) {
    return BuildScript.run(script, Duration.ofMinutes(BUILD_TIMEOUT_MINUTES), "--print-dir");
  }
}
