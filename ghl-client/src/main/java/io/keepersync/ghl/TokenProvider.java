package io.keepersync.ghl;

import java.util.Objects;

/**
 * Where {@link HttpGhlApi} gets the bearer token for a location: an OAuth location access token or a
 * Private Integration Token (CONTRACT §2). It is asked once per HTTP request, retries included, so an
 * implementation that refreshes tokens is picked up on the next attempt; it is called on the thread that
 * calls the API and may block it.
 *
 * <p>Tokens are secrets: implementations must not log them, and {@link HttpGhlApi} never puts them in logs
 * or exception messages.
 */
@FunctionalInterface
public interface TokenProvider {

    /** The token to send for {@code locationId}; never null or blank. */
    String tokenFor(String locationId);

    /** The same token for every location, e.g. one Private Integration Token. */
    static TokenProvider fixed(final String token) {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
        return new FixedTokenProvider(token);
    }
}
