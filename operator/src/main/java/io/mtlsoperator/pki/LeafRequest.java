package io.mtlsoperator.pki;

import java.time.Duration;

/**
 * Request for a server or client certificate. The subject may be empty when the subject
 * alternative names identify the certificate, and the names may be un-normalised.
 */
public record LeafRequest(
        SubjectName subject, SubjectAlternativeNames subjectAlternativeNames, CertificateUsage usage, Duration duration) {

    public LeafRequest {
        subject = subject == null ? SubjectName.empty() : subject;
        subjectAlternativeNames = subjectAlternativeNames == null ? SubjectAlternativeNames.none() : subjectAlternativeNames;
    }
}
