package io.keepersync.simulator.data;

import java.time.Instant;

/** A note on a contact as GHL keeps it. */
public record Note(String id, String contactId, String body, String userId, Instant dateAdded, String title,
                   String color, boolean pinned) {

    public Note withBody(final String newBody, final boolean newPinned) {
        return new Note(id, contactId, newBody, userId, dateAdded, title, color, newPinned);
    }
}
