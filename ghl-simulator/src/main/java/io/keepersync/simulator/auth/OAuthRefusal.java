package io.keepersync.simulator.auth;

/**
 * {@code POST /oauth/token} refuses a refresh: an unknown client or secret (401 {@code invalid_client}), or a
 * refresh token that is unknown or already used (400 {@code invalid_grant}). The message names no token.
 */
public final class OAuthRefusal extends RuntimeException {

    private final int status;
    private final String error;

    OAuthRefusal(final int status, final String error, final String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }

    static OAuthRefusal invalidClient() {
        return new OAuthRefusal(401, "invalid_client", "Invalid client credentials");
    }

    static OAuthRefusal invalidGrant(final String message) {
        return new OAuthRefusal(400, "invalid_grant", message);
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** The OAuth error code, sent as {@code error}. */
    public String error() {
        return error;
    }
}
