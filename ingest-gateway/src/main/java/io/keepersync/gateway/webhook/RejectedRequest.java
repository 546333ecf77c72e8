package io.keepersync.gateway.webhook;

/**
 * A request the gateway refuses, with the HTTP status, a stable error code and a message telling the
 * sender what is wrong and what to do. Rendered as {@code {"error":code,"message":message}}.
 */
public final class RejectedRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    /** A refusal with this status, error code and operator-facing message. */
    public RejectedRequest(final int status, final String code, final String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** Stable snake_case error code, also used as a metric tag. */
    public String code() {
        return code;
    }
}
