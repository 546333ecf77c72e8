package io.keepersync.ghl;

/**
 * GHL refused the token (401) even after the {@link TokenProvider} was asked to renew it, GHL's token endpoint
 * refused the refresh token (its status), or no usable token was available for the location (status 0, e.g.
 * a location without credentials). Retrying the same call cannot help; an operator has to fix the location's
 * credentials (CONTRACT §2.1, PITFALLS 16).
 */
public class GhlAuthException extends GhlApiException {

    public GhlAuthException(final String message, final int status) {
        super(message, status);
    }

    /** Never: the same token will be refused again. */
    @Override
    public boolean retriable() {
        return false;
    }
}
