package io.mtlsoperator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A certificate authority: a self-signed root, an intermediate, or an imported CA. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@ShortNames("mca")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ApiGroup.READY_COLUMN_PATH, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reason", jsonPath = ApiGroup.REASON_COLUMN_PATH, type = AdditionalPrinterColumn.Type.STRING, priority = 1)
// Times are strings: kubectl prints a date column in the future as <invalid>.
@AdditionalPrinterColumn(name = "Expires", jsonPath = ".status.notAfter", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Renews", jsonPath = ".status.renewalTime", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class CertificateAuthority extends CustomResource<CertificateAuthoritySpec, CertificateAuthorityStatus>
    implements Namespaced {

  /** Returns the Secret name from the spec, or the default {@code <name>-ca}. */
  public String secretName() {
    String configured = getSpec() == null ? null : getSpec().getSecretName();
    return configured != null && !configured.isEmpty() ? configured : getMetadata().getName() + "-ca";
  }
}
