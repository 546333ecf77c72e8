package io.keepersync.simulator.data;

import java.time.Instant;

/** A task of a contact as GHL keeps it; {@code dateAdded} only shows in task webhooks. */
public record Task(String id, String contactId, String title, String body, String assignedTo, Instant dueDate,
                   boolean completed, Instant dateAdded) {

    public Task asCompleted() {
        return new Task(id, contactId, title, body, assignedTo, dueDate, true, dateAdded);
    }
}
