/**
 * The custom resources of group {@code pki.mtls-operator.io}, version {@code v1alpha1}. Jackson and
 * Fabric8 annotations here generate the CRDs in crds/, including the OpenAPI constraints and CEL
 * rules that let the API server reject bad input at admission.
 */
package io.mtlsoperator.api.v1alpha1;
