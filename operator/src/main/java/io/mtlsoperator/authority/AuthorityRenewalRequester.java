package io.mtlsoperator.authority;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.mtlsoperator.api.v1alpha1.CertificateAuthority;
import io.mtlsoperator.kube.SecretMetadata;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks an authority the operator manages to renew now, through its renew annotation. */
public final class AuthorityRenewalRequester {

  private static final Logger log = LoggerFactory.getLogger(AuthorityRenewalRequester.class);

  private final KubernetesClient client;

  public AuthorityRenewalRequester(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Sets the renew annotation to {@code value}. The same value twice is one request, so callers
   * derive it from the certificate they want replaced.
   */
  public void request(CertificateAuthority authority, String value) {
    var current = authority.getMetadata().getAnnotations();
    if (current != null && value.equals(current.get(SecretMetadata.RENEW_ANNOTATION))) {
      return;
    }
    String patch = client.getKubernetesSerialization().asJson(
        Map.of("metadata", Map.of("annotations", Map.of(SecretMetadata.RENEW_ANNOTATION, value))));
    client.resources(CertificateAuthority.class).inNamespace(authority.getMetadata().getNamespace())
        .withName(authority.getMetadata().getName())
        .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    log.info("Requested renewal of CertificateAuthority {}/{} ({})", authority.getMetadata().getNamespace(),
        authority.getMetadata().getName(), value);
  }
}
