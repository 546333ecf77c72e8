package io.keepersync.enrich.deadletter;

import io.keepersync.schemas.DeadLetter;
import io.keepersync.schemas.PendingRefresh;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Dead letters: contact refreshes enrichment gave up on. Each goes to the dead-letter topic keyed by contact
 * as a {@link DeadLetter}, with plain-text headers saying why, where and how often it failed, so that
 * {@code kafka-console-consumer --property print.headers=true} shows them without an Avro decoder.
 */
public final class DeadLetters {

    /** Why the last attempt failed. */
    public static final String REASON = "keeper.dlq.reason";
    /** GHL's HTTP status of the last attempt; 0 when GHL did not answer. */
    public static final String STATUS = "keeper.dlq.status";
    /** Failed attempts. */
    public static final String ATTEMPTS = "keeper.dlq.attempts";
    /** ISO-8601 instant of the first failure. */
    public static final String FIRST_FAILED_AT = "keeper.dlq.first-failed-at";
    /** ISO-8601 instant of the last failure. */
    public static final String LAST_FAILED_AT = "keeper.dlq.last-failed-at";
    public static final String LOCATION_ID = "keeper.dlq.location-id";
    public static final String CONTACT_ID = "keeper.dlq.contact-id";
    /** The pipeline stage that gave up; {@code enrich} for now. */
    public static final String STAGE = "keeper.dlq.stage";

    private DeadLetters() {
    }

    /** The dead letter for a refresh whose last failure is recorded in {@code failed}. */
    public static DeadLetter of(final String contactId, final PendingRefresh failed, final Instant now) {
        return DeadLetter.newBuilder()
            .setContactId(contactId)
            .setLocationId(failed.getLocationId())
            .setRefresh(failed)
            .setReason(failed.getLastFailure() == null ? "unknown" : failed.getLastFailure())
            .setStatus(failed.getLastStatus())
            .setAttempts(failed.getAttempts())
            .setFirstFailedAt(failed.getFirstFailedAt() == null ? now : failed.getFirstFailedAt())
            .setLastFailedAt(now)
            .build();
    }

    /** The headers that repeat {@code letter}'s facts in plain text. */
    public static Headers headers(final DeadLetter letter) {
        final Headers headers = new RecordHeaders();
        add(headers, STAGE, "enrich");
        add(headers, REASON, letter.getReason());
        add(headers, STATUS, String.valueOf(letter.getStatus()));
        add(headers, ATTEMPTS, String.valueOf(letter.getAttempts()));
        add(headers, FIRST_FAILED_AT, letter.getFirstFailedAt().toString());
        add(headers, LAST_FAILED_AT, letter.getLastFailedAt().toString());
        add(headers, LOCATION_ID, letter.getLocationId());
        add(headers, CONTACT_ID, letter.getContactId());
        return headers;
    }

    private static void add(final Headers headers, final String key, final String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
