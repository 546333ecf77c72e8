package io.keepersync.simulator.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/** Renders the truth in the JSON shapes of GHL's REST answers (see the files in examples/). */
public final class RestViews {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> LIST_ITEM_FIELDS = List.of("id", "locationId", "contactName", "firstName",
            "lastName", "companyName", "email", "phone", "dnd", "dndSettings", "type", "source", "assignedTo", "city",
            "state", "postalCode", "address1", "country", "timezone", "dateAdded", "dateUpdated", "dateOfBirth", "tags",
            "customFields", "additionalEmails", "businessId", "followers", "attributions");

    private RestViews() {
    }

    /** {@code {contact, tasks, notes, events}}: everything the REST API serves about one contact, as a copy. */
    public static ObjectNode truth(final ObjectNode contact, final List<Task> tasks, final List<Note> notes,
                                   final List<Appointment> appointments) {
        final ObjectNode truth = JSON.objectNode();
        truth.set("contact", contact.deepCopy());
        truth.set("tasks", tasks(tasks));
        truth.set("notes", notes(notes));
        truth.set("events", contactEvents(appointments, zoneOf(contact)));
        return truth;
    }

    /** A contact as an item of the legacy {@code GET /contacts/} list (examples/list-contacts-page1.json). */
    public static ObjectNode listItem(final ObjectNode contact) {
        final ObjectNode item = JSON.objectNode();
        for (final String field : LIST_ITEM_FIELDS) {
            switch (field) {
                case "contactName" -> item.set(field, contact.get("name"));
                case "attributions" -> item.set(field, JSON.arrayNode());
                default -> item.set(field, contact.get(field).deepCopy());
            }
        }
        return item;
    }

    public static ArrayNode tasks(final List<Task> tasks) {
        final ArrayNode array = JSON.arrayNode();
        tasks.forEach(task -> array.add(task(task)));
        return array;
    }

    public static ObjectNode task(final Task task) {
        final ObjectNode node = JSON.objectNode();
        node.put("id", task.id());
        node.put("title", task.title());
        node.put("body", task.body());
        node.put("assignedTo", task.assignedTo());
        node.put("dueDate", GhlTime.utcMillis(task.dueDate()));
        node.put("completed", task.completed());
        node.put("contactId", task.contactId());
        return node;
    }

    /** Notes newest first, as GHL lists them. */
    public static ArrayNode notes(final List<Note> notes) {
        final ArrayNode array = JSON.arrayNode();
        notes.stream().sorted(Comparator.comparing(Note::dateAdded).reversed()).forEach(n -> array.add(note(n)));
        return array;
    }

    public static ObjectNode note(final Note note) {
        final ObjectNode node = JSON.objectNode();
        node.put("id", note.id());
        node.put("body", note.body());
        node.put("userId", note.userId());
        node.put("dateAdded", GhlTime.utcMillis(note.dateAdded()));
        node.put("contactId", note.contactId());
        node.put("title", note.title());
        node.put("color", note.color());
        node.put("pinned", note.pinned());
        return node;
    }

    /** The {@code events} of {@code GET /contacts/{id}/appointments}, by start time, local times without offset. */
    public static ArrayNode contactEvents(final List<Appointment> appointments, final ZoneId zone) {
        final ArrayNode array = JSON.arrayNode();
        appointments.stream().sorted(Comparator.comparing(Appointment::startTime))
                .forEach(a -> array.add(contactEvent(a, zone)));
        return array;
    }

    static ObjectNode contactEvent(final Appointment appointment, final ZoneId zone) {
        final ObjectNode node = JSON.objectNode();
        node.put("id", appointment.id());
        node.put("calendarId", appointment.calendarId());
        node.put("status", appointment.status());
        node.put("title", appointment.title());
        node.put("assignedUserId", appointment.assignedUserId());
        node.put("notes", appointment.notes());
        node.put("startTime", GhlTime.localNoOffset(appointment.startTime(), zone));
        node.put("endTime", GhlTime.localNoOffset(appointment.endTime(), zone));
        node.put("address", appointment.address());
        node.put("locationId", appointment.locationId());
        node.put("contactId", appointment.contactId());
        node.put("groupId", appointment.groupId());
        node.put("appointmentStatus", appointment.appointmentStatus());
        node.set("users", strings(appointment.users()));
        node.put("dateAdded", GhlTime.localNoOffset(appointment.dateAdded(), zone));
        node.put("dateUpdated", GhlTime.localNoOffset(appointment.dateUpdated(), zone));
        node.set("assignedResources", JSON.arrayNode());
        return node;
    }

    /** The {@code event} of {@code GET /calendars/events/appointments/{id}}, times with offset. */
    public static ObjectNode calendarEvent(final Appointment appointment, final ZoneId zone) {
        final ObjectNode node = JSON.objectNode();
        node.put("id", appointment.id());
        node.put("address", appointment.address());
        node.put("title", appointment.title());
        node.put("calendarId", appointment.calendarId());
        node.put("locationId", appointment.locationId());
        node.put("contactId", appointment.contactId());
        node.put("groupId", appointment.groupId());
        node.put("appointmentStatus", appointment.appointmentStatus());
        node.put("assignedUserId", appointment.assignedUserId());
        node.set("users", strings(appointment.users()));
        node.put("notes", appointment.notes());
        node.put("isRecurring", false);
        node.putNull("rrule");
        node.putNull("masterEventId");
        node.put("startTime", GhlTime.withOffset(appointment.startTime(), zone));
        node.put("endTime", GhlTime.withOffset(appointment.endTime(), zone));
        node.put("dateAdded", GhlTime.withOffset(appointment.dateAdded(), zone));
        node.put("dateUpdated", GhlTime.withOffset(appointment.dateUpdated(), zone));
        node.set("assignedResources", JSON.arrayNode());
        node.set("createdBy", JSON.objectNode().put("userId", appointment.assignedUserId())
                .put("source", appointment.source()));
        return node;
    }

    /** The zone a contact's appointment times are written in: its {@code timezone}, or UTC when unusable. */
    public static ZoneId zoneOf(final JsonNode contact) {
        final String zone = contact.path("timezone").textValue();
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    static ArrayNode strings(final List<String> values) {
        final ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
