package io.mtlsoperator.bench;

import io.mtlsoperator.pki.CaMaterial;
import io.mtlsoperator.pki.CaRequest;
import io.mtlsoperator.pki.CertificateIssuer;
import io.mtlsoperator.pki.CertificateUsage;
import io.mtlsoperator.pki.KeyAlgorithm;
import io.mtlsoperator.pki.KeyPairFactory;
import io.mtlsoperator.pki.KeySpec;
import io.mtlsoperator.pki.LeafRequest;
import io.mtlsoperator.pki.SubjectAlternativeNames;
import io.mtlsoperator.pki.SubjectName;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of one certificate to the operator, per key algorithm: generating the key pair, signing a
 * server-and-client leaf from a CA whose key has the same algorithm, and both together, as a
 * renewal with key rotation does them. The CA and a leaf key are made once per trial, outside the
 * measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PkiCostBenchmark {

    @Param({"ECDSA_256", "ECDSA_384", "RSA_2048", "RSA_3072", "RSA_4096", "ED25519"})
    public String keySpec;

    private final KeyPairFactory keyPairFactory = new KeyPairFactory();
    private final CertificateIssuer issuer = new CertificateIssuer(Clock.systemUTC());
    private KeySpec spec;
    private CaMaterial ca;
    private KeyPair leafKey;
    private LeafRequest request;

    @Setup
    public void createCa() {
        String[] parts = keySpec.split("_");
        spec = KeySpec.of(KeyAlgorithm.valueOf(parts[0]), parts.length > 1 ? Integer.valueOf(parts[1]) : null);
        ca = issuer.selfSignedRoot(new CaRequest(SubjectName.ofCommonName("Bench Root " + keySpec), Duration.ofDays(30), null, null),
                keyPairFactory.generate(spec));
        leafKey = keyPairFactory.generate(spec);
        request = new LeafRequest(null,
                new SubjectAlternativeNames(List.of("api.bench.svc.cluster.local", "api.bench.svc"), List.of("10.96.0.10"),
                        List.of("spiffe://cluster.local/ns/bench/sa/api"), null),
                CertificateUsage.SERVER_AND_CLIENT, Duration.ofDays(1));
    }

    @Benchmark
    public KeyPair keyGeneration() {
        return keyPairFactory.generate(spec);
    }

    @Benchmark
    public X509Certificate leafSigning() {
        return issuer.leaf(request, leafKey.getPublic(), ca);
    }

    @Benchmark
    public X509Certificate keyGenerationAndLeafSigning() {
        return issuer.leaf(request, keyPairFactory.generate(spec).getPublic(), ca);
    }
}
