package io.mtlsoperator.pki.interop;

import io.mtlsoperator.pki.CertificateUsage;
import io.mtlsoperator.pki.SubjectAlternativeNames;
import io.mtlsoperator.pki.SubjectName;
import java.util.List;

/** The leaf certificates each interop hierarchy issues, with the names a real workload would carry. */
enum LeafRole {
    SERVER(CertificateUsage.SERVER, null, new SubjectAlternativeNames(
            List.of("server.example.test", "localhost"), List.of("127.0.0.1", "::1"),
            List.of("spiffe://example.test/ns/interop/sa/server"), null)),
    CLIENT(CertificateUsage.CLIENT, SubjectName.ofCommonName("Interop Client"), new SubjectAlternativeNames(
            null, null, List.of("spiffe://example.test/ns/interop/sa/client"), List.of("client@example.test"))),
    SERVER_AND_CLIENT(CertificateUsage.SERVER_AND_CLIENT, null, new SubjectAlternativeNames(
            List.of("peer.example.test"), List.of("127.0.0.1"), List.of("spiffe://example.test/ns/interop/sa/peer"), null)),
    /** A server known by its IP address alone, so its subject is empty and the SAN extension critical. */
    SERVER_WITHOUT_SUBJECT(CertificateUsage.SERVER, null, new SubjectAlternativeNames(
            null, List.of("127.0.0.1"), null, null));

    private final CertificateUsage usage;
    private final SubjectName subject;
    private final SubjectAlternativeNames names;

    LeafRole(CertificateUsage usage, SubjectName subject, SubjectAlternativeNames names) {
        this.usage = usage;
        this.subject = subject;
        this.names = names;
    }

    CertificateUsage usage() {
        return usage;
    }

    SubjectName subject() {
        return subject;
    }

    SubjectAlternativeNames names() {
        return names;
    }

    boolean servesTls() {
        return usage != CertificateUsage.CLIENT;
    }

    boolean authenticatesClients() {
        return usage != CertificateUsage.SERVER;
    }

    String fileName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
