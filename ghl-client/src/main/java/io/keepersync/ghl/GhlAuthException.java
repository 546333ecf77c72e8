package io.keepersync.ghl;

/**
 * GHL refused the token (401), or no usable token was available for the location (status 0). Retrying
 * the same call cannot help; refreshing the location's token may (CONTRACT §2.1, PITFALLS 16).
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
