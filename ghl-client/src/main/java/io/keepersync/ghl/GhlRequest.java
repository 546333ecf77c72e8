package io.keepersync.ghl;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * One call to GHL before it is sent: which endpoint, for which location, the encoded path and the JSON
 * body ({@code null} for GETs).
 */
record GhlRequest(Endpoint endpoint, String locationId, String path, byte[] jsonBody) {

    static GhlRequest get(final Endpoint endpoint, final String locationId, final String segment) {
        return new GhlRequest(endpoint, locationId, endpoint.path(segment), null);
    }

    static GhlRequest post(final Endpoint endpoint, final String locationId, final String segment,
            final byte[] jsonBody) {
        return new GhlRequest(endpoint, locationId, endpoint.path(segment), jsonBody);
    }

    /**
     * The HTTP request with the contract headers (CONTRACT §1): bearer token, {@code Version},
     * {@code Accept} and, with a body, {@code Content-Type}. The token is fetched here, once per attempt.
     */
    HttpRequest toHttpRequest(final URI uri, final Duration timeout, final TokenProvider tokens) {
        final HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + token(tokens))
                .header("Version", endpoint.version())
                .header("Accept", "application/json");
        if (jsonBody == null) {
            return builder.method(endpoint.method(), HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json")
                .method(endpoint.method(), HttpRequest.BodyPublishers.ofByteArray(jsonBody))
                .build();
    }

    /**
     * The location's token, checked here because the JDK's own header check would quote the value in its
     * exception message.
     */
    private String token(final TokenProvider tokens) {
        final String token = tokens.tokenFor(locationId);
        if (token == null || token.isBlank()) {
            throw new GhlAuthException(GhlErrors.describe(endpoint, locationId, 0) + ": no token for the location", 0);
        }
        if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new GhlAuthException(GhlErrors.describe(endpoint, locationId, 0)
                    + ": the location's token has characters not allowed in a header", 0);
        }
        return token;
    }
}
