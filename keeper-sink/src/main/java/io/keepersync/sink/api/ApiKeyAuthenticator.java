package io.keepersync.sink.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks {@code Authorization: Bearer <key>} headers against the configured API keys. Keys are kept
 * only as SHA-256 digests and compared in constant time, so neither memory dumps of this object nor
 * response timing reveal them. With no keys configured every request is accepted. Thread-safe.
 */
public final class ApiKeyAuthenticator {

    private static final String BEARER = "bearer ";

    private final List<byte[]> keyDigests;

    /** Accepts exactly these keys; an empty set accepts every request. */
    public ApiKeyAuthenticator(final Set<String> apiKeys) {
        this.keyDigests = apiKeys.stream().map(ApiKeyAuthenticator::digest).toList();
    }

    /** Whether requests are accepted without a key. */
    public boolean isOpen() {
        return keyDigests.isEmpty();
    }

    /** Whether this {@code Authorization} header value (null when absent) carries a configured key. */
    public boolean accepts(final String authorization) {
        if (isOpen()) {
            return true;
        }
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return false;
        }
        final byte[] presented = digest(authorization.substring(BEARER.length()).trim());
        boolean matched = false;
        for (final byte[] known : keyDigests) {
            matched |= MessageDigest.isEqual(known, presented);
        }
        return matched;
    }

    private static byte[] digest(final String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no SHA-256", e);
        }
    }
}
