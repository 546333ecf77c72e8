package io.keepersync.backfill.search;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads the ISO-8601 times of GHL's contact objects ({@code dateAdded}, {@code dateUpdated}). */
public final class GhlInstants {

    private GhlInstants() {
    }

    /** The instant {@code text} names ({@code 2026-03-02T15:04:10.981Z} or with an offset); empty when unreadable. */
    public static Optional<Instant> parse(final String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
