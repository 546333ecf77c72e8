package io.keepersync.sink.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.schemas.Appointment;
import io.keepersync.schemas.CustomField;
import io.keepersync.schemas.DndSetting;
import io.keepersync.schemas.EnrichedContact;
import io.keepersync.schemas.JsonValue;
import io.keepersync.schemas.Note;
import io.keepersync.schemas.Task;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Renders an enriched contact as the JSON contact object GHL's API returns (CONTRACT §4.1, §4.4): GHL's
 * field names, instants as ISO-8601 UTC with milliseconds, custom field values as their native JSON
 * type, the fields GHL sent that the schema does not name merged back in, and absent values omitted.
 * Tasks, notes and appointments are added as arrays, and {@code syncedAt} says when the record was read
 * from GHL. Stateless and thread-safe.
 */
public final class ContactJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper PARSER = new ObjectMapper();
    private static final DateTimeFormatter UTC_MILLIS =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ContactJson() {
    }

    /** The contact as a GHL-shaped JSON object. */
    public static ObjectNode toJson(final EnrichedContact contact) {
        final ObjectNode json = NODES.objectNode();
        putContactFields(json, contact);
        json.set("dndSettings", dndSettings(contact.getDndSettings()));
        json.set("tags", strings(contact.getTags()));
        put(json, "dateAdded", contact.getDateAdded());
        put(json, "dateUpdated", contact.getDateUpdated());
        json.set("customFields", customFields(contact.getCustomFields()));
        mergeAdditionalFields(json, contact.getAdditionalFields());
        json.set("tasks", tasks(contact.getTasks()));
        json.set("notes", notes(contact.getNotes()));
        json.set("appointments", appointments(contact.getAppointments()));
        put(json, "syncedAt", contact.getSyncedAt());
        return json;
    }

    /** An instant as GHL writes it, for example {@code 2026-03-02T15:04:10.981Z}. */
    public static String formatInstant(final Instant instant) {
        return UTC_MILLIS.format(instant);
    }

    private static void putContactFields(final ObjectNode json, final EnrichedContact contact) {
        put(json, "id", contact.getId());
        put(json, "locationId", contact.getLocationId());
        put(json, "firstName", contact.getFirstName());
        put(json, "lastName", contact.getLastName());
        put(json, "name", contact.getName());
        put(json, "email", contact.getEmail());
        put(json, "phone", contact.getPhone());
        put(json, "companyName", contact.getCompanyName());
        put(json, "timezone", contact.getTimezone());
        put(json, "type", contact.getType());
        put(json, "source", contact.getSource());
        put(json, "assignedTo", contact.getAssignedTo());
        put(json, "address1", contact.getAddress1());
        put(json, "city", contact.getCity());
        put(json, "state", contact.getState());
        put(json, "country", contact.getCountry());
        put(json, "postalCode", contact.getPostalCode());
        put(json, "website", contact.getWebsite());
        put(json, "dateOfBirth", contact.getDateOfBirth());
        put(json, "businessId", contact.getBusinessId());
        put(json, "dnd", contact.getDnd());
    }

    private static ObjectNode dndSettings(final Map<String, DndSetting> settings) {
        final ObjectNode json = NODES.objectNode();
        settings.forEach((channel, setting) -> {
            final ObjectNode entry = json.putObject(channel);
            put(entry, "status", setting.getStatus());
            put(entry, "message", setting.getMessage());
            put(entry, "code", setting.getCode());
        });
        return json;
    }

    private static ArrayNode customFields(final List<CustomField> fields) {
        final ArrayNode json = NODES.arrayNode();
        for (final CustomField field : fields) {
            final ObjectNode entry = json.addObject().put("id", field.getId());
            final JsonNode value = customFieldValue(field.getValue());
            if (!value.isNull()) {
                entry.set("value", value);
            }
        }
        return json;
    }

    private static JsonNode customFieldValue(final Object value) {
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Long number) {
            return integer(number);
        }
        if (value instanceof Double number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        }
        if (value instanceof List<?> items) {
            final ArrayNode array = NODES.arrayNode();
            items.forEach(item -> array.add(String.valueOf(item)));
            return array;
        }
        if (value instanceof JsonValue json) {
            return parsed(json.getJson());
        }
        return NODES.nullNode();
    }

    /** A whole number as the node type a JSON parser would produce, so rendered and parsed trees compare equal. */
    private static JsonNode integer(final long number) {
        final int narrowed = (int) number;
        return narrowed == number ? NODES.numberNode(narrowed) : NODES.numberNode(number);
    }

    private static void mergeAdditionalFields(final ObjectNode json, final Map<String, String> additional) {
        additional.forEach((field, text) -> {
            final JsonNode value = parsed(text);
            if (!json.has(field) && !value.isNull()) {
                json.set(field, value);
            }
        });
    }

    private static ArrayNode tasks(final List<Task> tasks) {
        final ArrayNode json = NODES.arrayNode();
        for (final Task task : tasks) {
            final ObjectNode entry = json.addObject();
            put(entry, "id", task.getId());
            put(entry, "title", task.getTitle());
            put(entry, "body", task.getBody());
            put(entry, "assignedTo", task.getAssignedTo());
            put(entry, "dueDate", task.getDueDate());
            entry.put("completed", task.getCompleted());
            put(entry, "contactId", task.getContactId());
        }
        return json;
    }

    private static ArrayNode notes(final List<Note> notes) {
        final ArrayNode json = NODES.arrayNode();
        for (final Note note : notes) {
            final ObjectNode entry = json.addObject();
            put(entry, "id", note.getId());
            put(entry, "body", note.getBody());
            put(entry, "userId", note.getUserId());
            put(entry, "dateAdded", note.getDateAdded());
            put(entry, "contactId", note.getContactId());
            put(entry, "title", note.getTitle());
            put(entry, "color", note.getColor());
            put(entry, "pinned", note.getPinned());
        }
        return json;
    }

    private static ArrayNode appointments(final List<Appointment> appointments) {
        final ArrayNode json = NODES.arrayNode();
        for (final Appointment appointment : appointments) {
            final ObjectNode entry = json.addObject();
            put(entry, "id", appointment.getId());
            put(entry, "calendarId", appointment.getCalendarId());
            put(entry, "status", appointment.getStatus());
            put(entry, "title", appointment.getTitle());
            put(entry, "assignedUserId", appointment.getAssignedUserId());
            put(entry, "notes", appointment.getNotes());
            put(entry, "startTime", appointment.getStartTime());
            put(entry, "endTime", appointment.getEndTime());
            put(entry, "address", appointment.getAddress());
            put(entry, "locationId", appointment.getLocationId());
            put(entry, "contactId", appointment.getContactId());
            put(entry, "groupId", appointment.getGroupId());
            put(entry, "appointmentStatus", appointment.getAppointmentStatus());
            entry.set("users", strings(appointment.getUsers()));
            put(entry, "dateAdded", appointment.getDateAdded());
            put(entry, "dateUpdated", appointment.getDateUpdated());
        }
        return json;
    }

    private static ArrayNode strings(final List<String> values) {
        final ArrayNode json = NODES.arrayNode();
        values.forEach(json::add);
        return json;
    }

    /** JSON text as a tree; text that is not valid JSON is kept as a string rather than dropped. */
    private static JsonNode parsed(final String text) {
        if (text == null) {
            return NODES.nullNode();
        }
        try {
            final JsonNode node = PARSER.readTree(text);
            return node == null || node.isMissingNode() ? NODES.nullNode() : node;
        } catch (JsonProcessingException e) {
            return NODES.textNode(text);
        }
    }

    private static void put(final ObjectNode json, final String field, final String value) {
        if (value != null) {
            json.put(field, value);
        }
    }

    private static void put(final ObjectNode json, final String field, final Boolean value) {
        if (value != null) {
            json.put(field, value);
        }
    }

    private static void put(final ObjectNode json, final String field, final Instant value) {
        if (value != null) {
            json.put(field, formatInstant(value));
        }
    }
}
