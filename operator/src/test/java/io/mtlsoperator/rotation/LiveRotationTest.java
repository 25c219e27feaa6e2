package io.mtlsoperator.rotation;

import static io.mtlsoperator.testing.Resources.awaitReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.api.v1alpha1.CertificateUsageName;
import io.mtlsoperator.api.v1alpha1.MtlsCertificate;
import io.mtlsoperator.api.v1alpha1.SelfSigned;
import io.mtlsoperator.lifecycle.Signatures;
import io.mtlsoperator.testing.ApiWriteCounter;
import io.mtlsoperator.testing.Resources;
import io.mtlsoperator.testing.RunningOperator;
import io.mtlsoperator.testing.SharedCluster;
import io.mtlsoperator.testing.TestNamespaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live mutual-TLS conversation across a CA key rotation and several leaf renewals: a server and
 * a client, each reloading the files of its own Secret whenever it changes, handshake in a loop
 * and none of the handshakes may fail.
 */
class LiveRotationTest {

  private static final Duration TRUST_PROPAGATION_DELAY = Duration.ofSeconds(8);

  @TempDir
  Path workloads;

  @Test
  void conversationSurvivesRotationAndRenewals() throws Exception {
    KubernetesClient client = SharedCluster.get().adminClient();
    String namespace = TestNamespaces.create(client, "live-rotation");
    try (RunningOperator operator = RunningOperator.watching(client, namespace)) {
      CertificateAuthority root = client.resource(Resources.authority(namespace, "root", spec -> {
        spec.setSelfSigned(new SelfSigned());
        spec.setTrustPropagationDelay(TRUST_PROPAGATION_DELAY.toSeconds() + "s");
      })).create();
      awaitReady(client, root);
      MtlsCertificate server = awaitReady(client, client.resource(Resources.certificate(namespace, "server", "root",
          CertificateUsageName.Server, spec -> {
            spec.setDnsNames(List.of("localhost"));
            spec.setIpAddresses(List.of("127.0.0.1"));
          })).create());
      MtlsCertificate clientCertificate = awaitReady(client, client.resource(Resources.certificate(namespace,
          "client", "root", CertificateUsageName.Client, spec -> { })).create());
      X509Certificate oldRoot = rootCertificate(client, namespace);

      try (MountedSecret serverFiles = mount(client, namespace, "server-tls", "server");
          MountedSecret clientFiles = mount(client, namespace, "client-tls", "client");
          MtlsConversation conversation = new MtlsConversation(serverFiles, clientFiles)) {
        await().atMost(Duration.ofSeconds(10)).until(() -> conversation.successes() > 20);

        long writesBefore = ApiWriteCounter.writesSoFar(client);
        renew(client, server, "first");
        awaitRevision(client, server, 2);
        Thread.sleep(1000);
        long writesForOneRenewal = ApiWriteCounter.writesSoFar(client) - writesBefore - 1;
        renew(client, clientCertificate, "first");
        awaitRevision(client, clientCertificate, 2);

        renew(client, root, "rotate-key");
        Instant rotationStarted = Instant.now();
        await().atMost(Duration.ofSeconds(20)).until(() -> client.resource(root).get().getStatus()
            .getPendingCertificate() != null);
        await().atMost(Duration.ofSeconds(20)).until(() -> serverFiles.material().trustAnchors().size() == 2
            && clientFiles.material().trustAnchors().size() == 2);
        Instant bothTrustNewRoot = Instant.now();
        awaitRevision(client, server, 3);
        awaitRevision(client, clientCertificate, 3);
        X509Certificate newRoot = rootCertificate(client, namespace);
        assertThat(newRoot.getPublicKey()).isNotEqualTo(oldRoot.getPublicKey());

        renew(client, server, "second");
        renew(client, clientCertificate, "second");
        awaitRevision(client, server, 4);
        awaitRevision(client, clientCertificate, 4);
        int successesBeforeEnd = conversation.successes();
        await().atMost(Duration.ofSeconds(10)).until(() -> conversation.successes() > successesBeforeEnd + 20);

        conversation.close();
        assertThat(conversation.failures()).isEmpty();
        assertThat(signedBy(conversation.serverCertificates().values(), oldRoot)).isNotEmpty();
        assertThat(signedBy(conversation.serverCertificates().values(), newRoot)).isNotEmpty();
        assertThat(signedBy(conversation.clientCertificates().values(), oldRoot)).isNotEmpty();
        assertThat(signedBy(conversation.clientCertificates().values(), newRoot)).isNotEmpty();
        assertThat(client.resource(root).get().getStatus().getPreviousCertificates())
            .extracting(summary -> summary.getSerialNumber())
            .containsExactly(io.mtlsoperator.pki.CertificateInfo.of(oldRoot).serialNumberHex());

        report(conversation, newRoot, rotationStarted, bothTrustNewRoot, writesForOneRenewal);
      }
    }
  }

  private MountedSecret mount(KubernetesClient client, String namespace, String secret, String workload)
      throws Exception {
    Path directory = Files.createDirectories(workloads.resolve(workload));
    MountedSecret mounted = new MountedSecret(client, namespace, secret, directory);
    await().atMost(Duration.ofSeconds(10)).until(() -> mounted.material() != null);
    return mounted;
  }

  private static X509Certificate rootCertificate(KubernetesClient client, String namespace) {
    return Resources.certificates(client.secrets().inNamespace(namespace).withName("root-ca").get(), "tls.crt").get(0);
  }

  private static void renew(KubernetesClient client, io.fabric8.kubernetes.api.model.HasMetadata resource,
      String value) {
    Resources.requestRenewal(client, resource, value);
  }

  private static void awaitRevision(KubernetesClient client, MtlsCertificate certificate, int revision) {
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      Integer current = client.resource(certificate).get().getStatus().getRevision();
      return current != null && current >= revision;
    });
  }

  private static List<MtlsConversation.Sighting> signedBy(Collection<MtlsConversation.Sighting> sightings,
      X509Certificate root) {
    return sightings.stream().filter(s -> Signatures.isSignedBy(s.certificate(), root)).toList();
  }

  /** Prints how long trust overlapped before the new root was used, and the write count of one renewal. */
  private static void report(MtlsConversation conversation, X509Certificate newRoot, Instant rotationStarted,
      Instant bothTrustNewRoot, long writesForOneRenewal) {
    Map<String, MtlsConversation.Sighting> all = new java.util.HashMap<>(conversation.serverCertificates());
    all.putAll(conversation.clientCertificates());
    Instant firstNew = signedBy(all.values(), newRoot).stream().map(MtlsConversation.Sighting::first)
        .min(Instant::compareTo).orElseThrow();
    System.out.printf("Live rotation: %d handshakes, %d failed; %d server and %d client certificates in use. "
            + "Both workloads trusted the new root %d ms after the rotation request and met it in a handshake "
            + "%d ms later; the old root stays trusted until it expires. One leaf renewal cost %d API writes.%n",
        conversation.successes(), conversation.failures().size(), conversation.serverCertificates().size(),
        conversation.clientCertificates().size(), Duration.between(rotationStarted, bothTrustNewRoot).toMillis(),
        Duration.between(bothTrustNewRoot, firstNew).toMillis(), writesForOneRenewal);
  }
}
