package io.keepersync.enrich.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.schemas.Appointment;
import io.keepersync.schemas.CustomField;
import io.keepersync.schemas.DndSetting;
import io.keepersync.schemas.EnrichedContact;
import io.keepersync.schemas.Note;
import io.keepersync.schemas.Task;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps GHL REST objects (CONTRACT §4.1, §4.4) onto the enriched contact record. Fields GHL sends that
 * the schema does not name are kept as JSON text in {@code additionalFields}, so nothing is dropped.
 */
public final class ContactMapper {

    private static final Set<String> MAPPED_CONTACT_FIELDS = Set.of(
        "id", "locationId", "firstName", "lastName", "name", "email", "phone", "companyName", "timezone",
        "type", "source", "assignedTo", "address1", "city", "state", "country", "postalCode", "website",
        "dateOfBirth", "businessId", "dnd", "dndSettings", "tags", "dateAdded", "dateUpdated", "customFields");

    private ContactMapper() {
    }

    /** Replaces every contact field of {@code record} with what {@code contact} says; absent fields become null. */
    public static void applyContact(final EnrichedContact.Builder record, final ObjectNode contact) {
        record.setId(text(contact, "id"))
            .setLocationId(text(contact, "locationId"))
            .setFirstName(text(contact, "firstName"))
            .setLastName(text(contact, "lastName"))
            .setName(text(contact, "name"))
            .setEmail(text(contact, "email"))
            .setPhone(text(contact, "phone"))
            .setCompanyName(text(contact, "companyName"))
            .setTimezone(text(contact, "timezone"))
            .setType(text(contact, "type"))
            .setSource(text(contact, "source"))
            .setAssignedTo(text(contact, "assignedTo"))
            .setAddress1(text(contact, "address1"))
            .setCity(text(contact, "city"))
            .setState(text(contact, "state"))
            .setCountry(text(contact, "country"))
            .setPostalCode(text(contact, "postalCode"))
            .setWebsite(text(contact, "website"))
            .setDateOfBirth(text(contact, "dateOfBirth"))
            .setBusinessId(text(contact, "businessId"))
            .setDnd(contact.hasNonNull("dnd") ? contact.get("dnd").asBoolean() : null)
            .setDndSettings(dndSettings(contact.path("dndSettings")))
            .setTags(strings(contact.path("tags")))
            .setDateAdded(instant(contact, "dateAdded", ZoneOffset.UTC))
            .setDateUpdated(instant(contact, "dateUpdated", ZoneOffset.UTC))
            .setCustomFields(customFields(contact.path("customFields")))
            .setAdditionalFields(additionalFields(contact));
    }

    /** GHL's task objects as schema tasks. */
    public static List<Task> tasks(final List<ObjectNode> tasks) {
        final List<Task> mapped = new ArrayList<>(tasks.size());
        for (final ObjectNode task : tasks) {
            mapped.add(Task.newBuilder()
                .setId(text(task, "id"))
                .setTitle(text(task, "title"))
                .setBody(text(task, "body"))
                .setAssignedTo(text(task, "assignedTo"))
                .setDueDate(instant(task, "dueDate", ZoneOffset.UTC))
                .setCompleted(task.path("completed").asBoolean(false))
                .setContactId(text(task, "contactId"))
                .build());
        }
        return mapped;
    }

    /** GHL's note objects as schema notes. */
    public static List<Note> notes(final List<ObjectNode> notes) {
        final List<Note> mapped = new ArrayList<>(notes.size());
        for (final ObjectNode note : notes) {
            mapped.add(Note.newBuilder()
                .setId(text(note, "id"))
                .setBody(text(note, "body"))
                .setUserId(text(note, "userId"))
                .setDateAdded(instant(note, "dateAdded", ZoneOffset.UTC))
                .setContactId(text(note, "contactId"))
                .setTitle(text(note, "title"))
                .setColor(text(note, "color"))
                .setPinned(note.hasNonNull("pinned") ? note.get("pinned").asBoolean() : null)
                .build());
        }
        return mapped;
    }

    /**
     * GHL's contact appointment objects as schema appointments. Their times carry no offset
     * (PITFALLS 15), so they are read in {@code localZone}: the contact's own time zone.
     */
    public static List<Appointment> appointments(final List<ObjectNode> events, final ZoneId localZone) {
        final List<Appointment> mapped = new ArrayList<>(events.size());
        for (final ObjectNode event : events) {
            mapped.add(Appointment.newBuilder()
                .setId(text(event, "id"))
                .setCalendarId(text(event, "calendarId"))
                .setStatus(text(event, "status"))
                .setTitle(text(event, "title"))
                .setAssignedUserId(text(event, "assignedUserId"))
                .setNotes(text(event, "notes"))
                .setStartTime(instant(event, "startTime", localZone))
                .setEndTime(instant(event, "endTime", localZone))
                .setAddress(text(event, "address"))
                .setLocationId(text(event, "locationId"))
                .setContactId(text(event, "contactId"))
                .setGroupId(text(event, "groupId"))
                .setAppointmentStatus(text(event, "appointmentStatus"))
                .setUsers(strings(event.path("users")))
                .setDateAdded(instant(event, "dateAdded", localZone))
                .setDateUpdated(instant(event, "dateUpdated", localZone))
                .build());
        }
        return mapped;
    }

    private static String text(final JsonNode node, final String field) {
        final JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    private static Instant instant(final JsonNode node, final String field, final ZoneId localZone) {
        return GhlTimes.parse(text(node, field), localZone).orElse(null);
    }

    private static List<String> strings(final JsonNode array) {
        final List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.isTextual() ? item.textValue() : item.toString()));
        return values;
    }

    private static Map<String, DndSetting> dndSettings(final JsonNode settings) {
        final Map<String, DndSetting> channels = new LinkedHashMap<>();
        settings.fields().forEachRemaining(channel -> channels.put(channel.getKey(), new DndSetting(
            String.valueOf(text(channel.getValue(), "status")),
            text(channel.getValue(), "message"),
            text(channel.getValue(), "code"))));
        return channels;
    }

    private static List<CustomField> customFields(final JsonNode fields) {
        final List<CustomField> mapped = new ArrayList<>();
        for (final JsonNode field : fields) {
            if (field.hasNonNull("id")) {
                mapped.add(new CustomField(text(field, "id"), CustomFieldValues.fromJson(field.get("value"))));
            }
        }
        return mapped;
    }

    private static Map<String, String> additionalFields(final ObjectNode contact) {
        final Map<String, String> extra = new LinkedHashMap<>();
        contact.fields().forEachRemaining(field -> {
            if (!MAPPED_CONTACT_FIELDS.contains(field.getKey())) {
                extra.put(field.getKey(), field.getValue().toString());
            }
        });
        return extra;
    }
}
