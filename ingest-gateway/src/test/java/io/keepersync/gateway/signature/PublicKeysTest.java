package io.keepersync.gateway.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicKeysTest {

    @Test
    void shouldHoldGhlsPublishedEd25519KeyExactly() throws Exception {
        final PublicKey key = PublicKeys.ghlEd25519();

        final String fingerprint = sha256Hex(key.getEncoded());

        assertThat(key.getAlgorithm()).isIn("Ed25519", "EdDSA");
        assertThat(fingerprint).isEqualTo("5a2c1b2749d3efcc233fb27d4ab43d56b8d20818c42cd226f6c9a3ff20d3097c");
    }

    @Test
    void shouldHoldGhlsPublishedRsaKeyExactly() throws Exception {
        final PublicKey key = PublicKeys.ghlRsa();

        final String fingerprint = sha256Hex(key.getEncoded());

        assertThat(key.getAlgorithm()).isEqualTo("RSA");
        assertThat(fingerprint).isEqualTo("2f62045d413b1b7747e26770ce7f57840cbf86288cd20ceb90d299a62501fd25");
    }

    @Test
    void shouldLoadAKeyFromAPemFile(@TempDir final Path dir) throws Exception {
        final PublicKey generated = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        final Path file = dir.resolve("ghl-ed25519.pem");
        Files.writeString(file, pem(generated.getEncoded()));

        final PublicKey loaded = PublicKeys.fromPemFile(file);

        assertThat(loaded.getEncoded()).isEqualTo(generated.getEncoded());
    }

    @Test
    void shouldRefuseTextWithoutAPublicKeyBlock() {
        final String text = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";

        assertThatThrownBy(() -> PublicKeys.fromPem(text))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("BEGIN PUBLIC KEY");
    }

    @Test
    void shouldRefuseKeysOfOtherAlgorithms() throws Exception {
        final PublicKey ecKey = KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic();

        assertThatThrownBy(() -> PublicKeys.fromPem(pem(ecKey.getEncoded())))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("Ed25519 or RSA");
    }

    private static String pem(final byte[] der) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
            + "\n-----END PUBLIC KEY-----\n";
    }

    private static String sha256Hex(final byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
