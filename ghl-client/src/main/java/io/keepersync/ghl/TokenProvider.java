package io.keepersync.ghl;

import java.util.Objects;

/**
 * Where {@link HttpGhlApi} gets the bearer token for a location: an OAuth location access token or a
 * Private Integration Token (CONTRACT §2). It is asked once per HTTP request, retries included, so an
 * implementation that refreshes tokens is picked up on the next attempt; it is called on the thread that
 * calls the API and may block it.
 *
 * <p>When GHL refuses a token as expired or invalid (401, not about the {@code Version} header),
 * {@link HttpGhlApi} calls {@link #renew} once and, if it says a new token is ready, repeats the request once.
 *
 * <p>Tokens are secrets: implementations must not log them, and {@link HttpGhlApi} never puts them in logs
 * or exception messages.
 */
@FunctionalInterface
public interface TokenProvider {

    /** The token to send for {@code locationId}; never null or blank. */
    String tokenFor(String locationId);

    /**
     * Makes a new token ready for {@code locationId} after GHL refused {@code rejectedToken} as expired or
     * invalid, blocking the calling thread while it does. Implementations that refresh must do so once for
     * all threads that saw the same rejected token: a caller whose rejected token was already replaced gets
     * {@code true} without a new refresh.
     *
     * @return whether {@link #tokenFor} now gives a token other than {@code rejectedToken}; false (the
     *     default) for tokens that cannot be renewed, such as Private Integration Tokens
     * @throws GhlApiException when renewing failed; {@link GhlAuthException} when it cannot succeed without
     *     an operator (e.g. the refresh token was refused)
     */
    default boolean renew(final String locationId, final String rejectedToken) {
        return false;
    }

    /** The same token for every location, e.g. one Private Integration Token. */
    static TokenProvider fixed(final String token) {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
        return new FixedTokenProvider(token);
    }
}
