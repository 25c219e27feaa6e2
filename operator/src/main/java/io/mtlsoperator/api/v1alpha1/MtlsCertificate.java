package io.mtlsoperator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A server or client certificate issued by a CertificateAuthority into a kubernetes.io/tls Secret. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@ShortNames("mcert")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ApiGroup.READY_COLUMN_PATH, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reason", jsonPath = ApiGroup.REASON_COLUMN_PATH, type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Secret", jsonPath = ".spec.secretName", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Issuer", jsonPath = ".spec.issuerRef.name", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
// Times are strings: kubectl prints a date column in the future as <invalid>.
@AdditionalPrinterColumn(name = "Expires", jsonPath = ".status.notAfter", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Renews", jsonPath = ".status.renewalTime", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class MtlsCertificate extends CustomResource<MtlsCertificateSpec, MtlsCertificateStatus> implements Namespaced {
}
