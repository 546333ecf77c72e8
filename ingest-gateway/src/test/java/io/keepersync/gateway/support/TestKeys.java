package io.keepersync.gateway.support;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Key pairs generated per test run, standing in for GHL's signing keys. Signing uses the JDK providers,
 * independent of the BouncyCastle code under test.
 */
public record TestKeys(KeyPair ed25519, KeyPair rsa) {

    /** Fresh Ed25519 and 2048-bit RSA key pairs. */
    public static TestKeys generate() {
        try {
            final KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
            rsaGenerator.initialize(2048);
            return new TestKeys(KeyPairGenerator.getInstance("Ed25519").generateKeyPair(),
                rsaGenerator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public PublicKey ed25519Public() {
        return ed25519.getPublic();
    }

    public PublicKey rsaPublic() {
        return rsa.getPublic();
    }

    /** Base64 Ed25519 signature of the bytes, as GHL sends in {@code X-GHL-Signature}. */
    public String signEd25519(final byte[] body) {
        return sign("Ed25519", ed25519, body);
    }

    /** Base64 RSA SHA-256 signature of the bytes, as GHL sends in {@code X-WH-Signature}. */
    public String signRsa(final byte[] body) {
        return sign("SHA256withRSA", rsa, body);
    }

    private static String sign(final String algorithm, final KeyPair keys, final byte[] body) {
        try {
            final Signature signer = Signature.getInstance(algorithm);
            signer.initSign(keys.getPrivate());
            signer.update(body);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
