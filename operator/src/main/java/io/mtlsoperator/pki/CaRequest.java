package io.mtlsoperator.pki;

import java.time.Duration;

/**
 * Request for a CA certificate with a non-empty subject and a lifetime. The maximum path length is
 * the number of intermediate CAs allowed below it, null for no limit; null name constraints mean none.
 */
public record CaRequest(SubjectName subject, Duration duration, Integer maxPathLength, NameConstraints nameConstraints) {

    public CaRequest {
        subject = subject == null ? SubjectName.empty() : subject;
        nameConstraints = nameConstraints == null ? NameConstraints.none() : nameConstraints;
    }
}
