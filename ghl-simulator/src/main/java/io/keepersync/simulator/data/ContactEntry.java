package io.keepersync.simulator.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One live contact with everything attached to it. Only touched while holding the world's lock. */
final class ContactEntry {

    private final String locationId;
    private ContactSnapshot snapshot;
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final Map<String, Note> notes = new LinkedHashMap<>();
    private final Map<String, Appointment> appointments = new LinkedHashMap<>();

    ContactEntry(final String locationId, final ObjectNode contact) {
        this.locationId = locationId;
        this.snapshot = ContactSnapshot.of(contact);
    }

    String locationId() {
        return locationId;
    }

    /** The current document; never modified after publication (see {@link ContactEdits}). */
    ObjectNode contact() {
        return snapshot.contact();
    }

    ContactSnapshot snapshot() {
        return snapshot;
    }

    void replace(final ObjectNode newContact) {
        snapshot = ContactSnapshot.of(newContact);
    }

    Map<String, Task> tasks() {
        return tasks;
    }

    Map<String, Note> notes() {
        return notes;
    }

    Map<String, Appointment> appointments() {
        return appointments;
    }

    List<Task> taskList() {
        return List.copyOf(tasks.values());
    }

    List<Note> noteList() {
        return List.copyOf(notes.values());
    }

    List<Appointment> appointmentList() {
        return List.copyOf(appointments.values());
    }
}
