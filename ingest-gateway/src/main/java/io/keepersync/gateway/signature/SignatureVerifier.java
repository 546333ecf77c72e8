package io.keepersync.gateway.signature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * Checks GHL webhook signatures over the raw request body, exactly as received (never a re-serialised
 * parse of it, which differs in spacing, number format and escapes).
 *
 * <p>Precedence follows GHL's SDK: when {@code X-GHL-Signature} carries a value it alone decides (Ed25519,
 * no fallback to the legacy header, so a forged Ed25519 header cannot be rescued by a replayed RSA one);
 * only without it is {@code X-WH-Signature} checked (RSA SHA-256, PKCS#1 v1.5). A header that is absent,
 * blank or the literal {@code N/A} counts as no signature.
 *
 * <p>Ed25519 uses BouncyCastle's lightweight signer, which is much faster than the JDK provider.
 * Thread-safe: keys are immutable and a signer is created per call. CPU-bound, never blocks.
 */
public final class SignatureVerifier {

    /** Header carrying the current Ed25519 signature. */
    public static final String ED25519_HEADER = "X-GHL-Signature";
    /** Header carrying the legacy RSA signature. */
    public static final String RSA_HEADER = "X-WH-Signature";

    private static final String NO_SIGNATURE = "N/A";
    private static final int ED25519_SIGNATURE_BYTES = 64;

    private final Ed25519PublicKeyParameters ed25519Key;
    private final RSAPublicKey rsaKey;

    /**
     * @param ed25519PublicKey key for {@code X-GHL-Signature}
     * @param rsaPublicKey key for {@code X-WH-Signature}
     * @throws IllegalArgumentException if a key is of the wrong algorithm
     */
    public SignatureVerifier(final PublicKey ed25519PublicKey, final PublicKey rsaPublicKey) {
        this.ed25519Key = toEd25519Parameters(ed25519PublicKey);
        this.rsaKey = toRsaKey(rsaPublicKey);
    }

    /**
     * Verifies the body against whichever signature header applies.
     *
     * @param body the raw request body bytes
     * @param ed25519Header value of {@code X-GHL-Signature}, or null when absent
     * @param rsaHeader value of {@code X-WH-Signature}, or null when absent
     */
    public SignatureVerdict verify(final byte[] body, final String ed25519Header, final String rsaHeader) {
        if (carriesSignature(ed25519Header)) {
            return verifyEd25519(body, ed25519Header.trim());
        }
        if (carriesSignature(rsaHeader)) {
            return verifyRsa(body, rsaHeader.trim());
        }
        return SignatureVerdict.MISSING;
    }

    private static boolean carriesSignature(final String header) {
        return header != null && !header.isBlank() && !NO_SIGNATURE.equalsIgnoreCase(header.trim());
    }

    private SignatureVerdict verifyEd25519(final byte[] body, final String header) {
        final byte[] signature = decodeBase64(header);
        if (signature == null || signature.length != ED25519_SIGNATURE_BYTES) {
            return SignatureVerdict.MALFORMED;
        }
        final Ed25519Signer signer = new Ed25519Signer();
        signer.init(false, ed25519Key);
        signer.update(body, 0, body.length);
        return signer.verifySignature(signature) ? SignatureVerdict.VALID_ED25519 : SignatureVerdict.INVALID_ED25519;
    }

    private SignatureVerdict verifyRsa(final byte[] body, final String header) {
        final byte[] signature = decodeBase64(header);
        if (signature == null || signature.length == 0) {
            return SignatureVerdict.MALFORMED;
        }
        try {
            final Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(rsaKey);
            verifier.update(body);
            return verifier.verify(signature) ? SignatureVerdict.VALID_RSA : SignatureVerdict.INVALID_RSA;
        } catch (java.security.SignatureException e) {
            return SignatureVerdict.INVALID_RSA;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no SHA256withRSA verifier", e);
        }
    }

    private static byte[] decodeBase64(final String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Ed25519PublicKeyParameters toEd25519Parameters(final PublicKey key) {
        try {
            final AsymmetricKeyParameter parameters = PublicKeyFactory.createKey(key.getEncoded());
            if (parameters instanceof Ed25519PublicKeyParameters ed25519) {
                return ed25519;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode the Ed25519 public key", e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the X-GHL-Signature key is not a readable public key", e);
        }
        throw new IllegalArgumentException("the X-GHL-Signature key must be Ed25519, got " + key.getAlgorithm());
    }

    private static RSAPublicKey toRsaKey(final PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa;
        }
        throw new IllegalArgumentException("the X-WH-Signature key must be RSA, got " + key.getAlgorithm());
    }
}
