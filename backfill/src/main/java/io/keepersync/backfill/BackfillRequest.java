package io.keepersync.backfill;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What to backfill.
 *
 * @param locationId the GHL location
 * @param since only contacts whose {@code dateUpdated} is at or after this instant; empty for every contact
 * @param restart start a new run even when the location's last run is unfinished
 */
public record BackfillRequest(String locationId, Optional<Instant> since, boolean restart) {

    public BackfillRequest {
        if (locationId == null || locationId.isBlank()) {
            throw new IllegalArgumentException("locationId must not be blank");
        }
        Objects.requireNonNull(since, "since");
    }

    /** Every contact of the location, resuming an unfinished run. */
    public static BackfillRequest of(final String locationId) {
        return new BackfillRequest(locationId, Optional.empty(), false);
    }
}
