package io.mtlsoperator.pki.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlsoperator.pki.CaMaterial;
import io.mtlsoperator.pki.CaMaterialParser;
import io.mtlsoperator.pki.KeyAlgorithm;
import io.mtlsoperator.pki.KeyMatch;
import io.mtlsoperator.pki.Pem;
import io.mtlsoperator.pki.PrivateKeyEncoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Keys and CAs move between OpenSSL 3 and the PKI package in every PEM encoding both support. */
class PemInteropTest {

    @TempDir
    Path directory;

    private static ExternalProcess.Result openssl(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(InteropTools.openssl()));
        command.addAll(List.of(arguments));
        ExternalProcess.Result result = ExternalProcess.run(command, Duration.ofSeconds(60));
        assertThat(result.exitCode()).as(result.describe()).isZero();
        return result;
    }

    static Stream<Arguments> ourEncodings() {
        return InteropCases.profiles().flatMap(profile -> Stream.of(PrivateKeyEncoding.values())
                .filter(encoding -> switch (encoding) {
                    case PKCS8 -> true;
                    case PKCS1 -> profile.keySpec().algorithm() == KeyAlgorithm.RSA;
                    case SEC1 -> profile.keySpec().algorithm() == KeyAlgorithm.ECDSA;
                })
                .map(encoding -> Arguments.of(profile, encoding)));
    }

    @ParameterizedTest
    @MethodSource("ourEncodings")
    void opensslChecksOurPrivateKey(KeyProfile profile, PrivateKeyEncoding encoding) throws IOException {
        KeyPair pair = InteropHierarchy.of(profile).leafKey;
        Path keyFile = directory.resolve("key.pem");
        Files.writeString(keyFile, Pem.encodePrivateKey(pair.getPrivate(), encoding));

        openssl("pkey", "-in", keyFile.toString(), "-check", "-noout");
        String derived = openssl("pkey", "-in", keyFile.toString(), "-pubout").stdout();

        assertThat(publicKeyOf(derived)).isEqualTo(pair.getPublic());
    }

    @ParameterizedTest
    @CsvSource({
        "EC, -pkeyopt ec_paramgen_curve:P-256, false",
        "EC, -pkeyopt ec_paramgen_curve:P-384, true",
        "RSA, -pkeyopt rsa_keygen_bits:2048, false",
        "RSA, -pkeyopt rsa_keygen_bits:3072, true",
        "ED25519, , false"
    })
    void opensslKeyIsParsedInEveryEncoding(String algorithm, String option, boolean traditional) throws IOException {
        Path pkcs8 = directory.resolve("openssl.pem");
        List<String> generate = new java.util.ArrayList<>(List.of("genpkey", "-algorithm", algorithm, "-out", pkcs8.toString()));
        if (option != null) {
            generate.addAll(List.of(option.split(" ")));
        }
        openssl(generate.toArray(String[]::new));
        String pkcs8Text = Files.readString(pkcs8);
        String publicText = openssl("pkey", "-in", pkcs8.toString(), "-pubout").stdout();

        PrivateKey parsed = Pem.parsePrivateKey(pkcs8Text);
        assertThat(pkcs8Text).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(KeyMatch.matches(publicKeyOf(publicText), parsed)).isTrue();

        if (traditional) {
            String legacy = openssl("pkey", "-in", pkcs8.toString(), "-traditional").stdout();
            assertThat(legacy).startsWith(algorithm.equals("RSA") ? "-----BEGIN RSA PRIVATE KEY-----" : "-----BEGIN EC PRIVATE KEY-----");
            assertThat(KeyMatch.matches(publicKeyOf(publicText), Pem.parsePrivateKey(legacy))).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource({"ec, -pkeyopt ec_paramgen_curve:P-256", "rsa, -pkeyopt rsa_keygen_bits:2048", "ed25519, "})
    void caMadeByOpensslIsImported(String algorithm, String option) throws IOException {
        Path key = directory.resolve("ca.key");
        Path certificate = directory.resolve("ca.crt");
        List<String> command = new java.util.ArrayList<>(List.of("req", "-x509", "-newkey", algorithm, "-nodes",
                "-keyout", key.toString(), "-out", certificate.toString(), "-days", "30", "-subj", "/O=Example/CN=OpenSSL Made CA",
                "-addext", "basicConstraints=critical,CA:TRUE,pathlen:1",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign"));
        if (option != null) {
            command.addAll(List.of(option.split(" ")));
        }
        openssl(command.toArray(String[]::new));

        CaMaterial imported = new CaMaterialParser(Clock.systemUTC())
                .parse(Files.readString(certificate).replace("\n", "\r\n"), Files.readString(key), null);

        assertThat(imported.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=OpenSSL Made CA,O=Example");
        assertThat(imported.chain()).hasSize(1);
    }

    /** Reads an OpenSSL PUBLIC KEY block with the JDK's key factories. */
    private static PublicKey publicKeyOf(String pem) {
        String body = pem.lines().filter(line -> !line.startsWith("-----")).reduce("", String::concat);
        byte[] der = Base64.getDecoder().decode(body);
        ASN1ObjectIdentifier algorithm = SubjectPublicKeyInfo.getInstance(der).getAlgorithm().getAlgorithm();
        String jcaName = algorithm.equals(PKCSObjectIdentifiers.rsaEncryption) ? "RSA"
                : algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey) ? "EC" : "Ed25519";
        try {
            return KeyFactory.getInstance(jcaName).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot read the public key OpenSSL wrote", e);
        }
    }
}
