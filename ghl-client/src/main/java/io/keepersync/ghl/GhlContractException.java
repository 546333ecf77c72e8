package io.keepersync.ghl;

/**
 * The request or the answer does not follow the GHL contract: GHL answered 401 "version header was not
 * found." / "version header is invalid" (PITFALLS 18), or a successful answer lacks the documented shape.
 * Neither a retry nor a token refresh can fix it, so callers must not treat it as an auth failure; it
 * points at a bug in this client or a change on GHL's side.
 */
public class GhlContractException extends GhlApiException {

    public GhlContractException(final String message, final int status) {
        super(message, status);
    }

    /** Never: the same request will get the same answer. */
    @Override
    public boolean retriable() {
        return false;
    }
}
