package io.mtlsoperator.deploy;

import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * Asks the API server's authorizer, through a SubjectAccessReview, whether a ServiceAccount
 * may make a request. The review runs the same RBAC rules as a real request, without making it.
 */
final class AccessReview {

  /** A request in the words of kubectl auth can-i: "verb group/resource[/subresource] in namespace, named name". */
  record Request(String verb, String group, String resource, String subresource, String namespace, String name) {

    static Request of(String verb, String group, String resource, String namespace) {
      return new Request(verb, group, resource, null, namespace, null);
    }

    Request subresource(String value) {
      return new Request(verb, group, resource, value, namespace, name);
    }

    Request named(String value) {
      return new Request(verb, group, resource, subresource, namespace, value);
    }

    @Override
    public String toString() {
      return verb + " " + (group.isEmpty() ? "core" : group) + "/" + resource
          + (subresource == null ? "" : "/" + subresource)
          + (namespace == null ? " cluster-wide" : " in " + namespace)
          + (name == null ? "" : " named " + name);
    }
  }

  private final KubernetesClient admin;
  private final String namespace;
  private final String serviceAccount;

  AccessReview(KubernetesClient admin, String namespace, String serviceAccount) {
    this.admin = admin;
    this.namespace = namespace;
    this.serviceAccount = serviceAccount;
  }

  boolean allows(Request request) {
    SubjectAccessReview review = new SubjectAccessReviewBuilder()
        .withNewSpec()
          .withUser("system:serviceaccount:" + namespace + ":" + serviceAccount)
          // The groups that the API server gives every ServiceAccount token.
          .withGroups(List.of("system:serviceaccounts", "system:serviceaccounts:" + namespace, "system:authenticated"))
          .withNewResourceAttributes()
            .withVerb(request.verb())
            .withGroup(request.group())
            .withResource(request.resource())
            .withSubresource(request.subresource())
            .withNamespace(request.namespace())
            .withName(request.name())
          .endResourceAttributes()
        .endSpec()
        .build();
    SubjectAccessReview answered = admin.authorization().v1().subjectAccessReview().create(review);
    return Boolean.TRUE.equals(answered.getStatus().getAllowed());
  }
}
