package io.keepersync.gateway.signature;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * Loads the public keys GHL signs webhooks with. Keys are X.509 SubjectPublicKeyInfo in PEM
 * ({@code -----BEGIN PUBLIC KEY-----}); Ed25519 and RSA keys are recognised by their algorithm id.
 *
 * <p>GHL announces key rotation by e-mail and has no discovery endpoint, so the published keys below
 * are only defaults: production deployments should pass keys from configuration.
 */
public final class PublicKeys {

    /** GHL's published Ed25519 key for {@code X-GHL-Signature} (CONTRACT §5.4). */
    public static final String GHL_ED25519_PEM = """
        -----BEGIN PUBLIC KEY-----
        MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=
        -----END PUBLIC KEY-----
        """;

    /** GHL's published 4096-bit RSA key for the legacy {@code X-WH-Signature} (CONTRACT §5.4). */
    public static final String GHL_RSA_PEM = """
        -----BEGIN PUBLIC KEY-----
        MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAokvo/r9tVgcfZ5DysOSC
        Frm602qYV0MaAiNnX9O8KxMbiyRKWeL9JpCpVpt4XHIcBOK4u3cLSqJGOLaPuXw6
        dO0t6Q/ZVdAV5Phz+ZtzPL16iCGeK9po6D6JHBpbi989mmzMryUnQJezlYJ3DVfB
        csedpinheNnyYeFXolrJvcsjDtfAeRx5ByHQmTnSdFUzuAnC9/GepgLT9SM4nCpv
        uxmZMxrJt5Rw+VUaQ9B8JSvbMPpez4peKaJPZHBbU3OdeCVx5klVXXZQGNHOs8gF
        3kvoV5rTnXV0IknLBXlcKKAQLZcY/Q9rG6Ifi9c+5vqlvHPCUJFT5XUGG5RKgOKU
        J062fRtN+rLYZUV+BjafxQauvC8wSWeYja63VSUruvmNj8xkx2zE/Juc+yjLjTXp
        IocmaiFeAO6fUtNjDeFVkhf5LNb59vECyrHD2SQIrhgXpO4Q3dVNA5rw576PwTzN
        h/AMfHKIjE4xQA1SZuYJmNnmVZLIZBlQAF9Ntd03rfadZ+yDiOXCCs9FkHibELhC
        HULgCsnuDJHcrGNd5/Ddm5hxGQ0ASitgHeMZ0kcIOwKDOzOU53lDza6/Y09T7sYJ
        PQe7z0cvj7aE4B+Ax1ZoZGPzpJlZtGXCsu9aTEGEnKzmsFqwcSsnw3JB31IGKAyk
        T1hhTiaCeIY/OwwwNUY2yvcCAwEAAQ==
        -----END PUBLIC KEY-----
        """;

    private static final String PEM_TYPE = "PUBLIC KEY";
    private static final Map<String, String> KEY_FACTORY_BY_OID = Map.of(
        "1.3.101.112", "Ed25519",
        "1.2.840.113549.1.1.1", "RSA");

    private PublicKeys() {
    }

    /** GHL's published Ed25519 webhook key. */
    public static PublicKey ghlEd25519() {
        return fromPem(GHL_ED25519_PEM);
    }

    /** GHL's published RSA webhook key (legacy header). */
    public static PublicKey ghlRsa() {
        return fromPem(GHL_RSA_PEM);
    }

    /**
     * Reads one Ed25519 or RSA public key from PEM text.
     *
     * @throws IllegalArgumentException if the text holds no {@code PUBLIC KEY} block or a key of another algorithm
     */
    public static PublicKey fromPem(final String pem) {
        final byte[] der = readPemBlock(pem);
        final String algorithm = algorithmOf(der);
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the " + algorithm + " public key in the PEM text is damaged: "
                + e.getMessage(), e);
        }
    }

    /** Reads one Ed25519 or RSA public key from a PEM file (blocks on file I/O). */
    public static PublicKey fromPemFile(final Path file) {
        try {
            return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read public key file " + file, e);
        }
    }

    private static byte[] readPemBlock(final String pem) {
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            final PemObject block = reader.readPemObject();
            if (block == null || !PEM_TYPE.equals(block.getType())) {
                throw new IllegalArgumentException(
                    "expected a PEM block '-----BEGIN PUBLIC KEY-----' (X.509 SubjectPublicKeyInfo)");
            }
            return block.getContent();
        } catch (IOException e) {
            throw new IllegalArgumentException("the PEM text is not readable: " + e.getMessage(), e);
        }
    }

    private static String algorithmOf(final byte[] der) {
        final String oid;
        try {
            oid = SubjectPublicKeyInfo.getInstance(der).getAlgorithm().getAlgorithm().getId();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the PEM block is not an X.509 SubjectPublicKeyInfo", e);
        }
        final String algorithm = KEY_FACTORY_BY_OID.get(oid);
        if (algorithm == null) {
            throw new IllegalArgumentException("unsupported public key algorithm " + oid
                + "; GHL webhooks use Ed25519 or RSA");
        }
        return algorithm;
    }
}
