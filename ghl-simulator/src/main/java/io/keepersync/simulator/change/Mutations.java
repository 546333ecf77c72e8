package io.keepersync.simulator.change;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.simulator.data.ActivityFactory;
import io.keepersync.simulator.data.Appointment;
import io.keepersync.simulator.data.ContactEdits;
import io.keepersync.simulator.data.ContactFactory;
import io.keepersync.simulator.data.GhlTime;
import io.keepersync.simulator.data.LocationProfile;
import io.keepersync.simulator.data.Note;
import io.keepersync.simulator.data.RestViews;
import io.keepersync.simulator.data.SeededRandom;
import io.keepersync.simulator.data.SimClock;
import io.keepersync.simulator.data.Task;
import io.keepersync.simulator.data.World;
import io.keepersync.simulator.webhook.WebhookBodies;
import io.keepersync.simulator.webhook.WebhookSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes to the simulated GHL data, each as GHL would make it: the simulated clock moves, the
 * contact's {@code dateUpdated} moves when the contact itself changes, and the matching webhook is
 * handed to the {@link WebhookSink}. Each method holds the world's monitor for the change and that
 * hand-off, so webhooks leave in the order the changes happened. Unknown ids raise
 * {@link IllegalArgumentException}.
 */
public final class Mutations {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final World world;
    private final SeededRandom random;
    private final SimClock clock;
    private final WebhookBodies bodies;
    private final WebhookSink sender;
    private boolean silent;
    private long emitted;

    public Mutations(final World world, final SeededRandom random, final SimClock clock, final WebhookBodies bodies,
                     final WebhookSink sender) {
        this.world = world;
        this.random = random;
        this.clock = clock;
        this.bodies = bodies;
        this.sender = sender;
    }

    /** Creates a random contact in {@code locationId} (ContactCreate) and returns its id. */
    public String createContact(final String locationId) {
        synchronized (world) {
            final LocationProfile location = world.location(locationId)
                    .orElseThrow(() -> new IllegalArgumentException("unknown location " + locationId));
            final Instant now = clock.advance();
            final ObjectNode contact = ContactFactory.newContact(random.id(), location, now, random);
            world.addContact(locationId, contact);
            emit(bodies.contact("ContactCreate", contact), now);
            return contact.get("id").asText();
        }
    }

    /** Changes one to three random fields (ContactUpdate). */
    public void updateContact(final String contactId) {
        synchronized (world) {
            final ObjectNode contact = contact(contactId);
            updateContact(contactId, ContactEdits.randomChanges(contact, location(contactId), random));
        }
    }

    /** Sets the fields named as in {@code GET /contacts/{id}} (see {@link ContactEdits#applied}); ContactUpdate. */
    public void updateContact(final String contactId, final ObjectNode changes) {
        changeContact(contactId, changes, "ContactUpdate");
    }

    /** Deletes the contact with its tasks, notes and appointments (one ContactDelete). */
    public void deleteContact(final String contactId) {
        synchronized (world) {
            contact(contactId);
            final Instant now = clock.advance();
            emit(bodies.contact("ContactDelete", world.removeContact(contactId)), now);
        }
    }

    /**
     * Adds and removes tags (ContactTagUpdate when the tag list changed) and returns the tags after.
     */
    public List<String> changeTags(final String contactId, final List<String> add, final List<String> remove) {
        synchronized (world) {
            final ObjectNode contact = contact(contactId);
            final ArrayNode tags = ContactEdits.tagsAfter(contact, add, remove);
            if (!tags.equals(contact.get("tags"))) {
                changeContact(contactId, JSON.objectNode().set("tags", tags), "ContactTagUpdate");
            }
            final List<String> result = new ArrayList<>();
            tags.forEach(tag -> result.add(tag.asText()));
            return result;
        }
    }

    /** Adds a random tag or removes one (ContactTagUpdate). */
    public void changeTags(final String contactId) {
        synchronized (world) {
            final ArrayNode current = (ArrayNode) contact(contactId).get("tags");
            if (!current.isEmpty() && random.chance(0.3)) {
                changeTags(contactId, List.of(), List.of(current.get(random.between(0, current.size() - 1)).asText()));
            } else {
                changeTags(contactId, List.of(random.pick(List.of("vip", "customer", "trial", "partner", "cold"))),
                        List.of());
            }
        }
    }

    /** Sets one DND channel (Call, Email, SMS, WhatsApp, GMB, FB) active or inactive (ContactDndUpdate). */
    public void changeDnd(final String contactId, final String channel, final boolean active) {
        synchronized (world) {
            final ObjectNode settings = contact(contactId).get("dndSettings").deepCopy();
            settings.set(channel, ContactFactory.dndChannel(active, clock.now()));
            final boolean allActive = settings.findValuesAsText("status").stream().allMatch("active"::equals);
            changeContact(contactId, JSON.objectNode().put("dnd", allActive).set("dndSettings", settings),
                    "ContactDndUpdate");
        }
    }

    /** Flips a random DND channel (ContactDndUpdate). */
    public void changeDnd(final String contactId) {
        synchronized (world) {
            final ObjectNode settings = (ObjectNode) contact(contactId).get("dndSettings");
            final String channel = random.pick(fieldNames(settings));
            changeDnd(contactId, channel, !"active".equals(settings.path(channel).path("status").asText()));
        }
    }

    /** Adds a random note (NoteCreate) and returns its id. */
    public String createNote(final String contactId) {
        synchronized (world) {
            contact(contactId);
            final Instant now = clock.advance();
            final Note note = ActivityFactory.newNote(contactId, location(contactId), now, random);
            world.putNote(note);
            emit(bodies.note("NoteCreate", locationIdOf(contactId), note), now);
            return note.id();
        }
    }

    /** Changes a note's body (NoteUpdate). */
    public void updateNote(final String noteId) {
        synchronized (world) {
            final Note note = world.note(noteId).orElseThrow(() -> unknown("note", noteId));
            final Instant now = clock.advance();
            final Note edited = ActivityFactory.editedNote(note, random);
            world.putNote(edited);
            emit(bodies.note("NoteUpdate", locationIdOf(note.contactId()), edited), now);
        }
    }

    public void deleteNote(final String noteId) {
        synchronized (world) {
            final Note note = world.note(noteId).orElseThrow(() -> unknown("note", noteId));
            final Instant now = clock.advance();
            final String locationId = locationIdOf(note.contactId());
            world.removeNote(note);
            emit(bodies.note("NoteDelete", locationId, note), now);
        }
    }

    /** Adds a random open task (TaskCreate) and returns its id. */
    public String createTask(final String contactId) {
        synchronized (world) {
            contact(contactId);
            final Instant now = clock.advance();
            final Task task = ActivityFactory.newTask(contactId, location(contactId), now, random);
            world.putTask(task);
            emit(bodies.task("TaskCreate", locationIdOf(contactId), task), now);
            return task.id();
        }
    }

    /** Marks a task completed (TaskComplete); does nothing when it already is. */
    public void completeTask(final String taskId) {
        synchronized (world) {
            final Task task = world.task(taskId).orElseThrow(() -> unknown("task", taskId));
            if (task.completed()) {
                return;
            }
            final Instant now = clock.advance();
            world.putTask(task.asCompleted());
            emit(bodies.task("TaskComplete", locationIdOf(task.contactId()), task.asCompleted()), now);
        }
    }

    public void deleteTask(final String taskId) {
        synchronized (world) {
            final Task task = world.task(taskId).orElseThrow(() -> unknown("task", taskId));
            final Instant now = clock.advance();
            final String locationId = locationIdOf(task.contactId());
            world.removeTask(task);
            emit(bodies.task("TaskDelete", locationId, task), now);
        }
    }

    /** Books a random future appointment (AppointmentCreate) and returns its id. */
    public String createAppointment(final String contactId) {
        synchronized (world) {
            final ObjectNode contact = contact(contactId);
            final Instant now = clock.advance();
            final Appointment appointment = ActivityFactory.newAppointment(contact, location(contactId), now, random);
            world.putAppointment(appointment);
            emit(bodies.appointment("AppointmentCreate", appointment, RestViews.zoneOf(contact)), now);
            return appointment.id();
        }
    }

    /** Reschedules the appointment or changes its status (AppointmentUpdate). */
    public void updateAppointment(final String appointmentId) {
        synchronized (world) {
            final Appointment appointment = appointment(appointmentId);
            final ObjectNode contact = contact(appointment.contactId());
            final Instant now = clock.advance();
            final Appointment edited = ActivityFactory.editedAppointment(appointment, RestViews.zoneOf(contact), now,
                    random);
            world.putAppointment(edited);
            emit(bodies.appointment("AppointmentUpdate", edited, RestViews.zoneOf(contact)), now);
        }
    }

    /** Cancels and removes the appointment (AppointmentDelete, status cancelled). */
    public void deleteAppointment(final String appointmentId) {
        synchronized (world) {
            final Appointment appointment = appointment(appointmentId);
            final ObjectNode contact = contact(appointment.contactId());
            final Instant now = clock.advance();
            world.removeAppointment(appointment);
            final Appointment cancelled = appointment.withStatus("cancelled", GhlTime.toSeconds(now));
            emit(bodies.appointment("AppointmentDelete", cancelled, RestViews.zoneOf(contact)), now);
        }
    }

    /**
     * Creates {@code count} contacts with some tasks, notes and appointments as data that existed before
     * the app was installed: no webhooks are sent. Returns the new contact ids.
     */
    public List<String> seedContacts(final String locationId, final int count) {
        synchronized (world) {
            silent = true;
            try {
                final List<String> ids = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    ids.add(seedOne(locationId));
                }
                return ids;
            } finally {
                silent = false;
            }
        }
    }

    /** Webhooks handed to the sender by these mutations so far. */
    public long emitted() {
        synchronized (world) {
            return emitted;
        }
    }

    private String seedOne(final String locationId) {
        final String contactId = createContact(locationId);
        for (int t = random.between(0, 2); t > 0; t--) {
            final String taskId = createTask(contactId);
            if (random.chance(0.3)) {
                completeTask(taskId);
            }
        }
        for (int n = random.between(0, 2); n > 0; n--) {
            createNote(contactId);
        }
        if (random.chance(0.4)) {
            createAppointment(contactId);
        }
        return contactId;
    }

    private void changeContact(final String contactId, final ObjectNode changes, final String type) {
        synchronized (world) {
            final ObjectNode current = contact(contactId);
            final Instant now = clock.advance();
            final ObjectNode updated = ContactEdits.applied(current, changes, now);
            world.replaceContact(contactId, updated);
            emit(bodies.contact(type, updated), now);
        }
    }

    private void emit(final ObjectNode body, final Instant changedAt) {
        if (silent) {
            return;
        }
        if (sender.enqueue(bodies.finish(body, changedAt, random))) {
            emitted++;
        }
    }

    private ObjectNode contact(final String contactId) {
        return world.contact(contactId).orElseThrow(() -> unknown("contact", contactId));
    }

    private Appointment appointment(final String appointmentId) {
        return world.appointment(appointmentId).orElseThrow(() -> unknown("appointment", appointmentId));
    }

    private LocationProfile location(final String contactId) {
        return world.location(locationIdOf(contactId)).orElseThrow();
    }

    private String locationIdOf(final String contactId) {
        return world.locationOf(contactId).orElseThrow(() -> unknown("contact", contactId));
    }

    private static List<String> fieldNames(final ObjectNode node) {
        final List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static IllegalArgumentException unknown(final String what, final String id) {
        return new IllegalArgumentException("no live " + what + " with id " + id);
    }
}
