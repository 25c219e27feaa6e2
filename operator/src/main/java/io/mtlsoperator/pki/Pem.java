package io.mtlsoperator.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * PEM encoding and parsing of certificates and private keys. Parsing is forgiving about layout
 * (CRLF line ends, text around the blocks, other block types) and strict about content (every
 * CERTIFICATE block must be a valid X.509 certificate). Messages about a private key never
 * include its bytes, nor the message of an underlying parser that might.
 */
public final class Pem {

    private static final String CERTIFICATE = "CERTIFICATE";
    private static final String PKCS8_PRIVATE_KEY = "PRIVATE KEY";
    private static final String PKCS1_PRIVATE_KEY = "RSA PRIVATE KEY";
    private static final String SEC1_PRIVATE_KEY = "EC PRIVATE KEY";
    private static final String ENCRYPTED_PRIVATE_KEY = "ENCRYPTED PRIVATE KEY";

    private Pem() {
    }

    /** Encodes certificates as consecutive CERTIFICATE blocks, in the order given (leaf first for a chain). */
    public static String encodeCertificates(List<X509Certificate> certificates) {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(new PemObject(CERTIFICATE, certificate.getEncoded()));
            }
        } catch (CertificateEncodingException | IOException e) {
            throw new PkiException("encoding a certificate as PEM failed: " + e.getMessage(), e);
        }
        return text.toString();
    }

    /**
     * Encodes a private key as PKCS#8 for every algorithm, PKCS#1 for RSA only or SEC 1 for EC only.
     * The SEC 1 form names the curve and carries the public point, as OpenSSL writes it.
     */
    public static String encodePrivateKey(PrivateKey key, PrivateKeyEncoding encoding) {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
        try {
            return switch (encoding) {
                case PKCS8 -> write(PKCS8_PRIVATE_KEY, info.getEncoded());
                case PKCS1 -> {
                    if (!(key instanceof RSAPrivateKey)) {
                        throw new PkiException("PKCS1 encoding is for RSA keys only, but this is an "
                                + describeAlgorithm(key) + " key: use PKCS8");
                    }
                    yield write(PKCS1_PRIVATE_KEY, info.parsePrivateKey().toASN1Primitive().getEncoded());
                }
                case SEC1 -> {
                    if (!(key instanceof ECPrivateKey ec)) {
                        throw new PkiException("SEC1 encoding is for EC keys only, but this is an "
                                + describeAlgorithm(key) + " key: use PKCS8");
                    }
                    yield write(SEC1_PRIVATE_KEY, sec1(ec).getEncoded());
                }
            };
        } catch (IOException e) {
            throw new PkiException("encoding the private key as " + encoding + " failed");
        }
    }

    /**
     * Parses every CERTIFICATE block in the text, in order. Text outside the blocks and blocks of
     * other types are ignored.
     *
     * @throws PkiException if there is no CERTIFICATE block or one of them is not a valid certificate
     */
    public static List<X509Certificate> parseCertificates(String pem) {
        List<X509Certificate> certificates = new ArrayList<>();
        CertificateFactory factory = certificateFactory();
        int blockNumber = 0;
        for (PemObject block : readBlocks(pem, "certificates")) {
            if (!CERTIFICATE.equals(block.getType())) {
                continue;
            }
            blockNumber++;
            try {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.getContent())));
            } catch (CertificateException e) {
                throw new PkiException("certificate " + blockNumber + " is not a valid X.509 certificate: " + e.getMessage(), e);
            }
        }
        if (certificates.isEmpty()) {
            throw new PkiException("no certificate found: expected at least one -----BEGIN CERTIFICATE----- block");
        }
        return certificates;
    }

    /**
     * Parses the one private key in the text: PKCS#8 ("PRIVATE KEY"), PKCS#1 ("RSA PRIVATE KEY")
     * or SEC 1 ("EC PRIVATE KEY") with a named curve. Encrypted keys are rejected.
     */
    public static PrivateKey parsePrivateKey(String pem) {
        PemObject keyBlock = null;
        for (PemObject block : readBlocks(pem, "a private key")) {
            String type = block.getType();
            if (ENCRYPTED_PRIVATE_KEY.equals(type) || isLegacyEncrypted(block)) {
                throw new PkiException("the private key is encrypted, which is not supported: store it unencrypted "
                        + "(for example with openssl pkey -in encrypted.pem -out key.pem)");
            }
            if (PKCS8_PRIVATE_KEY.equals(type) || PKCS1_PRIVATE_KEY.equals(type) || SEC1_PRIVATE_KEY.equals(type)) {
                if (keyBlock != null) {
                    throw new PkiException("more than one private key found: expected exactly one");
                }
                keyBlock = block;
            }
        }
        if (keyBlock == null) {
            throw new PkiException("no private key found: expected a PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block");
        }
        byte[] content = keyBlock.getContent();
        try {
            return switch (keyBlock.getType()) {
                case PKCS1_PRIVATE_KEY -> toPrivateKey(new PrivateKeyInfo(
                        new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                        org.bouncycastle.asn1.pkcs.RSAPrivateKey.getInstance(content)));
                case SEC1_PRIVATE_KEY -> toPrivateKey(fromSec1(content));
                default -> toPrivateKey(PrivateKeyInfo.getInstance(content));
            };
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException | IOException e) {
            throw new PkiException("the " + keyBlock.getType() + " block is not a valid private key");
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    private static PrivateKeyInfo fromSec1(byte[] content) throws IOException {
        org.bouncycastle.asn1.sec.ECPrivateKey ecKey = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(content);
        ASN1Encodable parameters = ecKey.getParametersObject();
        if (!(parameters instanceof ASN1ObjectIdentifier curve)) {
            throw new PkiException("the EC PRIVATE KEY does not name its curve: only named curves such as P-256 are "
                    + "supported (openssl ec -param_enc named_curve converts it)");
        }
        return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), ecKey);
    }

    private static PrivateKey toPrivateKey(PrivateKeyInfo info) throws IOException {
        ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
        String jcaName;
        PrivateKeyInfo normalized = info;
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            jcaName = "RSA";
        } else if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            jcaName = "EC";
        } else if (EdECObjectIdentifiers.id_Ed25519.equals(algorithm)) {
            jcaName = "Ed25519";
            // OpenSSL and Bouncy Castle may write version 2 with the public key; keep only the
            // private key, which every JDK release parses.
            normalized = new PrivateKeyInfo(info.getPrivateKeyAlgorithm(), info.parsePrivateKey());
        } else {
            throw new PkiException("the private key algorithm " + algorithm + " is not supported: use ECDSA, RSA or Ed25519");
        }
        byte[] der = normalized.getEncoded();
        try {
            return KeyFactory.getInstance(jcaName).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new PkiException("the " + jcaName + " private key is malformed");
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    private static org.bouncycastle.asn1.sec.ECPrivateKey sec1(ECPrivateKey key) {
        EllipticCurves.Curve curve = EllipticCurves.curveOfKnown(key.getParams());
        byte[] publicPoint = EllipticCurves.publicPointOf(key).getEncoded(false);
        return new org.bouncycastle.asn1.sec.ECPrivateKey(
                curve.bits(), key.getS(), new DERBitString(publicPoint), curve.oid());
    }

    private static boolean isLegacyEncrypted(PemObject block) {
        return block.getHeaders().stream()
                .anyMatch(header -> header instanceof org.bouncycastle.util.io.pem.PemHeader pemHeader
                        && "Proc-Type".equalsIgnoreCase(pemHeader.getName())
                        && pemHeader.getValue().contains("ENCRYPTED"));
    }

    private static List<PemObject> readBlocks(String pem, String expected) {
        if (pem == null || pem.isBlank()) {
            throw new PkiException("the PEM text is empty: expected " + expected);
        }
        List<PemObject> blocks = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            for (PemObject block = reader.readPemObject(); block != null; block = reader.readPemObject()) {
                blocks.add(block);
            }
        } catch (IOException e) {
            // The reader's message names the missing END line or the Base64 failure, never the content.
            throw new PkiException("the PEM text is malformed: " + e.getMessage());
        }
        return blocks;
    }

    private static String write(String type, byte[] der) {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new PkiException("writing a " + type + " block failed");
        } finally {
            Arrays.fill(der, (byte) 0);
        }
        return text.toString();
    }

    private static String describeAlgorithm(PrivateKey key) {
        if (key instanceof RSAPrivateKey) {
            return "RSA";
        }
        if (key instanceof ECPrivateKey) {
            return "ECDSA";
        }
        if (EllipticCurves.isEd25519(key)) {
            return "Ed25519";
        }
        return key.getAlgorithm();
    }

    private static CertificateFactory certificateFactory() {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new PkiException("the JDK has no X.509 certificate factory", e);
        }
    }
}
