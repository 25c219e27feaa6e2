package io.mtlsoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Marks a CertificateAuthority as a self-signed root; it has no settings. The Jackson annotation
 * also lets Jackson write this empty class as {} instead of failing on a bean without properties.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class SelfSigned {
}
