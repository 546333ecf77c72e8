package io.keepersync.simulator.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A published contact document with its sort keys parsed once, so listing and searching many
 * contacts costs no date parsing. The document must not be modified.
 */
public record ContactSnapshot(ObjectNode contact, String id, long addedMillis, long updatedMillis) {

    static ContactSnapshot of(final ObjectNode contact) {
        return new ContactSnapshot(contact, contact.get("id").asText(), millis(contact, "dateAdded"),
                millis(contact, "dateUpdated"));
    }

    private static long millis(final ObjectNode contact, final String field) {
        return Instant.parse(contact.get(field).asText()).toEpochMilli();
    }
}
