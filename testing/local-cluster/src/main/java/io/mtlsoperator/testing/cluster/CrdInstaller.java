package io.mtlsoperator.testing.cluster;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies CustomResourceDefinition files and waits until the API server serves them. */
public final class CrdInstaller {

  private static final Logger log = LoggerFactory.getLogger(CrdInstaller.class);
  private static final long ESTABLISHED_TIMEOUT_SECONDS = 30;

  private CrdInstaller() {
  }

  /** Applies every *.yaml file in {@code directory} with server-side apply; returns the CRD names. */
  public static List<String> installAll(KubernetesClient client, Path directory) {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        names.add(install(client, file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list CRDs in " + directory, e);
    }
    return names;
  }

  public static String install(KubernetesClient client, Path file) {
    CustomResourceDefinition crd;
    try (InputStream input = Files.newInputStream(file)) {
      crd = client.getKubernetesSerialization().unmarshal(input, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read CRD file " + file, e);
    }
    String name = crd.getMetadata().getName();
    client.apiextensions().v1().customResourceDefinitions().resource(crd)
        .forceConflicts().serverSideApply();
    client.apiextensions().v1().customResourceDefinitions().withName(name)
        .waitUntilCondition(CrdInstaller::isEstablished, ESTABLISHED_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    log.info("Installed CRD {} from {}", name, file.getFileName());
    return name;
  }

  private static boolean isEstablished(CustomResourceDefinition crd) {
    // A new CRD has a status before the API server adds its first condition.
    return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
