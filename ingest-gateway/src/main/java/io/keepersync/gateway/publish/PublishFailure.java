package io.keepersync.gateway.publish;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Why Kafka did not take a record, as far as the sender of the webhook is concerned: either sending the
 * same body again may succeed later, or Kafka refuses this record itself and a retry cannot help.
 */
public enum PublishFailure {

    /** Kafka was unreachable, slow or failed for a reason outside this record; a later retry may succeed. */
    TRY_AGAIN_LATER,
    /** The record is larger than the producer or the topic allows. */
    RECORD_TOO_LARGE,
    /** Kafka refuses this record's content (for example a topic rule the record breaks). */
    RECORD_REFUSED;

    /**
     * Classifies a failed send by the innermost cause that Kafka reports. Errors that are not about the
     * record (authorisation, missing topic, timeouts) count as {@link #TRY_AGAIN_LATER}: they are fixed on
     * this side, and GHL's retries give the operator time to do so.
     */
    public static PublishFailure of(final Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException) {
                return RECORD_TOO_LARGE;
            }
            if (cause instanceof InvalidRecordException || cause instanceof SerializationException) {
                return RECORD_REFUSED;
            }
        }
        return TRY_AGAIN_LATER;
    }
}
