package io.keepersync.launcher.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.enrich.mapping.GhlTimes;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compares one contact as the Keeper store serves it with what GHL holds (the simulator's truth), field
 * by field, reading times in each surface's own format. Returns the differences as field paths, never
 * the values, so a report can be logged without personal data.
 */
public final class TruthCheck {

    private static final List<String> CONTACT_FIELDS = List.of(
        "id", "locationId", "firstName", "lastName", "name", "email", "phone", "companyName", "timezone", "type",
        "source", "assignedTo", "address1", "city", "state", "country", "postalCode", "website", "dateOfBirth",
        "dnd", "dndSettings", "tags", "customFields");
    private static final List<String> TASK_FIELDS = List.of("title", "body", "assignedTo", "completed", "contactId");
    private static final List<String> NOTE_FIELDS = List.of("body", "userId", "contactId");
    private static final List<String> APPOINTMENT_FIELDS = List.of(
        "calendarId", "title", "status", "appointmentStatus", "assignedUserId", "contactId", "address");

    private static final ObjectMapper JSON = new ObjectMapper();

    private TruthCheck() {
    }

    /**
     * The fields where {@code keeper} (the read API's contact object) differs from {@code truth}
     * (the simulator's {@code {contact, tasks, notes, events}}); empty when they agree.
     */
    public static List<String> differences(final ObjectNode keeper, final ObjectNode truth) {
        final List<String> diffs = new ArrayList<>();
        final JsonNode contact = truth.path("contact");
        for (final String field : CONTACT_FIELDS) {
            compare(diffs, "contact." + field, keeper.get(field), contact.get(field));
        }
        compareInstants(diffs, "contact.dateUpdated", keeper.path("dateUpdated").asText(null),
            contact.path("dateUpdated").asText(null), ZoneOffset.UTC);

        compareItems(diffs, "tasks", keeper.path("tasks"), truth.path("tasks"), TASK_FIELDS, "dueDate", ZoneOffset.UTC);
        compareItems(diffs, "notes", keeper.path("notes"), truth.path("notes"), NOTE_FIELDS, "dateAdded", ZoneOffset.UTC);
        final ZoneId contactZone = GhlTimes.zoneOrUtc(contact.path("timezone").asText(null));
        compareItems(diffs, "appointments", keeper.path("appointments"), truth.path("events"),
            APPOINTMENT_FIELDS, "startTime", contactZone);
        return diffs;
    }

    private static void compareItems(final List<String> diffs, final String name, final JsonNode keeper,
                                     final JsonNode truth, final List<String> fields, final String timeField,
                                     final ZoneId truthZone) {
        final Map<String, JsonNode> keeperById = byId(keeper);
        final Map<String, JsonNode> truthById = byId(truth);
        if (!keeperById.keySet().equals(truthById.keySet())) {
            diffs.add(name + ".ids");
            return;
        }
        truthById.forEach((id, expected) -> {
            final JsonNode actual = keeperById.get(id);
            for (final String field : fields) {
                compare(diffs, name + "[" + id + "]." + field, actual.get(field), expected.get(field));
            }
            compareInstants(diffs, name + "[" + id + "]." + timeField, actual.path(timeField).asText(null),
                expected.path(timeField).asText(null), truthZone);
        });
    }

    private static Map<String, JsonNode> byId(final JsonNode items) {
        final Map<String, JsonNode> byId = new TreeMap<>();
        items.forEach(item -> byId.put(item.path("id").asText(), item));
        return byId;
    }

    private static void compare(final List<String> diffs, final String path, final JsonNode actual,
                                final JsonNode expected) {
        if (!Objects.equals(normalised(actual), normalised(expected))) {
            diffs.add(path);
        }
    }

    private static void compareInstants(final List<String> diffs, final String path, final String keeperTime,
                                        final String truthTime, final ZoneId truthZone) {
        final Optional<Instant> actual = GhlTimes.parse(keeperTime, ZoneOffset.UTC);
        final Optional<Instant> expected = GhlTimes.parse(truthTime, truthZone);
        if (!actual.equals(expected)) {
            diffs.add(path);
        }
    }

    /** The same JSON read back, so that numbers of one value but different Java types compare equal. */
    private static JsonNode reparsed(final JsonNode value) {
        try {
            return JSON.readTree(value.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot re-read JSON the simulator or the store produced", e);
        }
    }

    /** Null, missing and empty values all mean "not set"; numbers compare by value. */
    private static Object normalised(final JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isTextual() && value.textValue().isEmpty()) {
            return null;
        }
        if ((value.isArray() || value.isObject()) && value.isEmpty()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue().stripTrailingZeros();
        }
        return reparsed(value);
    }
}
