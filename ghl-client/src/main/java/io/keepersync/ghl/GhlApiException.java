package io.keepersync.ghl;

/**
 * GHL refused a call or kept failing after the retries. {@link #status()} is the last HTTP status,
 * or 0 when no response came (timeout, connection refused).
 */
public class GhlApiException extends RuntimeException {

    private final int status;

    public GhlApiException(final String message, final int status, final Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public GhlApiException(final String message, final int status) {
        this(message, status, null);
    }

    /** The last HTTP status GHL answered with, or 0 when it did not answer. */
    public int status() {
        return status;
    }

    /** Whether trying again later may succeed (rate limits, server errors, no answer). */
    public boolean retriable() {
        return status == 0 || status == 429 || status >= 500;
    }
}
