package io.keepersync.backfill;

/**
 * A backfill cannot go on: GHL's answers break the paging, another backfill of the location took over, or the
 * request contradicts an unfinished run. The message says what happened and what the operator can do; it never
 * carries tokens or contact data.
 */
public class BackfillException extends RuntimeException {

    public BackfillException(final String message) {
        super(message);
    }

    public BackfillException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
