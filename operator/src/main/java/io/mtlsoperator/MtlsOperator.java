package io.mtlsoperator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.mtlsoperator.authority.AuthorityImport;
import io.mtlsoperator.authority.AuthorityIssuance;
import io.mtlsoperator.authority.CertificateAuthorityReconciler;
import io.mtlsoperator.authority.IssuerResolver;
import io.mtlsoperator.authority.NamespaceAccess;
import io.mtlsoperator.certificate.MtlsCertificateReconciler;
import io.mtlsoperator.kube.EventRecorder;
import io.mtlsoperator.lifecycle.KeySource;
import io.mtlsoperator.pki.CaMaterialParser;
import io.mtlsoperator.pki.CertificateIssuer;
import io.mtlsoperator.pki.KeyPairFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The operator: both reconcilers on one JOSDK Operator, wired with one client and one clock. */
public final class MtlsOperator implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MtlsOperator.class);

  private final Operator operator;
  private final OperatorSettings settings;

  private MtlsOperator(Operator operator, OperatorSettings settings) {
    this.operator = operator;
    this.settings = settings;
  }

  public static MtlsOperator create(KubernetesClient client, OperatorSettings settings) {
    Operator operator = new Operator(overrider -> overrider
        .withKubernetesClient(client)
        // Only the operator itself writes these resources' status, so conflicts mean a stale cache.
        .withCloseClientOnStop(false));

    KeySource keySource = new KeySource(new KeyPairFactory());
    CertificateIssuer issuer = new CertificateIssuer(settings.clock());
    EventRecorder events = new EventRecorder(client, settings.clock());
    IssuerResolver issuerResolver = new IssuerResolver(client, new NamespaceAccess(client));

    var authorities = new CertificateAuthorityReconciler(client, settings.clock(),
        new AuthorityIssuance(issuer, keySource, settings.clock()),
        new AuthorityImport(client, new CaMaterialParser(settings.clock())), issuerResolver, events);
    var certificates = new MtlsCertificateReconciler(client, settings.clock(), issuerResolver, issuer, keySource,
        events);

    operator.register(authorities, overrider -> watch(overrider, settings));
    operator.register(certificates, overrider -> watch(overrider, settings));
    return new MtlsOperator(operator, settings);
  }

  private static void watch(
      io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider<?> overrider,
      OperatorSettings settings) {
    if (!settings.namespaces().isEmpty()) {
      overrider.settingNamespaces(settings.namespaces());
    }
  }

  public void start() {
    operator.start();
    log.info("mtls-operator started, watching {}",
        settings.namespaces().isEmpty() ? "all namespaces" : "namespaces " + settings.namespaces());
  }

  @Override
  public void close() {
    operator.stop();
    log.info("mtls-operator stopped");
  }
}
