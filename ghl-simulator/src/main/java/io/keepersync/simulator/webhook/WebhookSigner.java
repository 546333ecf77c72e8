package io.keepersync.simulator.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * The simulator's own Ed25519 key pair and the {@code X-GHL-Signature} it produces. The private key
 * is derived from the seed, so a receiver can be configured with {@link #publicKeyPem()} before the
 * simulator starts. Thread-safe.
 */
public final class WebhookSigner {

    private final Ed25519PrivateKeyParameters privateKey;
    private final Ed25519PublicKeyParameters publicKey;

    private WebhookSigner(final byte[] privateKeyBytes) {
        this.privateKey = new Ed25519PrivateKeyParameters(privateKeyBytes, 0);
        this.publicKey = privateKey.generatePublicKey();
    }

    /** The signer of the simulator started with {@code seed}. */
    public static WebhookSigner forSeed(final long seed) {
        return new WebhookSigner(sha256("ghl-simulator webhook key " + seed));
    }

    /** Base64 of the 64-byte Ed25519 signature over exactly {@code body}. */
    public String sign(final byte[] body) {
        final Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(body, 0, body.length);
        return Base64.getEncoder().encodeToString(signer.generateSignature());
    }

    /** The public key as a SubjectPublicKeyInfo PEM block ({@code -----BEGIN PUBLIC KEY-----}). */
    public String publicKeyPem() {
        try {
            final byte[] der = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey).getEncoded();
            final String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(der);
            return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the webhook public key", e);
        }
    }

    private static byte[] sha256(final String text) {
        try {
            final MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return digest.digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
