package io.keepersync.simulator.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The truth of the simulated GHL: locations, live contacts with their tasks, notes and appointments,
 * and the ids of deleted contacts. Every method is synchronized on this object; code that changes
 * several things at once (a mutation and its webhook) holds the same monitor around the whole step.
 * Contact documents handed out are never modified afterwards, so they may be read outside the lock.
 */
public final class World {

    private final Map<String, LocationProfile> locations = new LinkedHashMap<>();
    private final Map<String, ContactEntry> contacts = new LinkedHashMap<>();
    private final IndexedIds live = new IndexedIds();
    private final Set<String> deleted = new LinkedHashSet<>();
    private final Map<String, String> taskOwners = new HashMap<>();
    private final Map<String, String> noteOwners = new HashMap<>();
    private final Map<String, String> appointmentOwners = new HashMap<>();

    public synchronized void addLocation(final LocationProfile location) {
        locations.put(location.locationId(), location);
    }

    public synchronized List<String> locationIds() {
        return List.copyOf(locations.keySet());
    }

    public synchronized Optional<LocationProfile> location(final String locationId) {
        return Optional.ofNullable(locations.get(locationId));
    }

    public synchronized void addContact(final String locationId, final ObjectNode contact) {
        final String id = contact.get("id").asText();
        contacts.put(id, new ContactEntry(locationId, contact));
        live.add(id);
    }

    public synchronized void replaceContact(final String contactId, final ObjectNode contact) {
        entry(contactId).replace(contact);
    }

    /** Removes a contact with all it owns; returns its last document. */
    public synchronized ObjectNode removeContact(final String contactId) {
        final ContactEntry entry = entry(contactId);
        entry.tasks().keySet().forEach(taskOwners::remove);
        entry.notes().keySet().forEach(noteOwners::remove);
        entry.appointments().keySet().forEach(appointmentOwners::remove);
        contacts.remove(contactId);
        live.remove(contactId);
        deleted.add(contactId);
        return entry.contact();
    }

    public synchronized Optional<ObjectNode> contact(final String contactId) {
        return Optional.ofNullable(contacts.get(contactId)).map(ContactEntry::contact);
    }

    public synchronized Optional<String> locationOf(final String contactId) {
        return Optional.ofNullable(contacts.get(contactId)).map(ContactEntry::locationId);
    }

    /** {@code {contact, tasks, notes, events}} of a live contact, read atomically (see {@link RestViews#truth}). */
    public synchronized Optional<ObjectNode> truthOf(final String contactId) {
        return Optional.ofNullable(contacts.get(contactId))
                .map(e -> RestViews.truth(e.contact(), e.taskList(), e.noteList(), e.appointmentList()));
    }

    /** The live contacts of one location, in creation order. */
    public synchronized List<ContactSnapshot> contactsIn(final String locationId) {
        final List<ContactSnapshot> result = new ArrayList<>();
        contacts.values().stream().filter(e -> e.locationId().equals(locationId))
                .forEach(e -> result.add(e.snapshot()));
        return result;
    }

    public synchronized Optional<List<Task>> tasksOf(final String contactId) {
        return Optional.ofNullable(contacts.get(contactId)).map(ContactEntry::taskList);
    }

    public synchronized Optional<List<Note>> notesOf(final String contactId) {
        return Optional.ofNullable(contacts.get(contactId)).map(ContactEntry::noteList);
    }

    public synchronized Optional<List<Appointment>> appointmentsOf(final String contactId) {
        return Optional.ofNullable(contacts.get(contactId)).map(ContactEntry::appointmentList);
    }

    /** Tasks of the live contacts of one location. */
    public synchronized List<Task> tasksIn(final String locationId) {
        final List<Task> result = new ArrayList<>();
        contacts.values().stream().filter(e -> e.locationId().equals(locationId))
                .forEach(e -> result.addAll(e.tasks().values()));
        return result;
    }

    public synchronized Optional<Task> task(final String taskId) {
        return owned(taskId, taskOwners, ContactEntry::tasks);
    }

    public synchronized Optional<Note> note(final String noteId) {
        return owned(noteId, noteOwners, ContactEntry::notes);
    }

    public synchronized Optional<Appointment> appointment(final String appointmentId) {
        return owned(appointmentId, appointmentOwners, ContactEntry::appointments);
    }

    public synchronized void putTask(final Task task) {
        entry(task.contactId()).tasks().put(task.id(), task);
        taskOwners.put(task.id(), task.contactId());
    }

    public synchronized void putNote(final Note note) {
        entry(note.contactId()).notes().put(note.id(), note);
        noteOwners.put(note.id(), note.contactId());
    }

    public synchronized void putAppointment(final Appointment appointment) {
        entry(appointment.contactId()).appointments().put(appointment.id(), appointment);
        appointmentOwners.put(appointment.id(), appointment.contactId());
    }

    public synchronized void removeTask(final Task task) {
        entry(task.contactId()).tasks().remove(task.id());
        taskOwners.remove(task.id());
    }

    public synchronized void removeNote(final Note note) {
        entry(note.contactId()).notes().remove(note.id());
        noteOwners.remove(note.id());
    }

    public synchronized void removeAppointment(final Appointment appointment) {
        entry(appointment.contactId()).appointments().remove(appointment.id());
        appointmentOwners.remove(appointment.id());
    }

    /** A uniformly chosen live contact of any location, or empty when there is none. */
    public synchronized Optional<String> randomLiveContact(final SeededRandom random) {
        return live.pick(random);
    }

    public synchronized Set<String> liveContactIds() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(contacts.keySet()));
    }

    public synchronized Set<String> deletedContactIds() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(deleted));
    }

    private ContactEntry entry(final String contactId) {
        final ContactEntry entry = contacts.get(contactId);
        if (entry == null) {
            throw new IllegalArgumentException("no live contact with id " + contactId);
        }
        return entry;
    }

    private <T> Optional<T> owned(final String id, final Map<String, String> owners,
                                  final Function<ContactEntry, Map<String, T>> items) {
        return Optional.ofNullable(owners.get(id)).map(contacts::get).map(e -> items.apply(e).get(id));
    }
}
