package io.keepersync.sink;

import io.keepersync.schemas.EnrichedContact;
import java.time.Instant;

/** Enriched contacts for tests, with only the fields a test cares about set. */
public final class TestContacts {

    public static final Instant SYNCED_AT = Instant.parse("2026-03-03T12:00:00.123Z");

    private TestContacts() {
    }

    /** A minimal contact of this location. */
    public static EnrichedContact contact(final String id, final String locationId) {
        return builder(id, locationId).build();
    }

    /** A builder holding the required fields; set more before building. */
    public static EnrichedContact.Builder builder(final String id, final String locationId) {
        return EnrichedContact.newBuilder()
            .setId(id)
            .setLocationId(locationId)
            .setFirstName("Test")
            .setSyncedAt(SYNCED_AT);
    }
}
