package io.keepersync.simulator.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.simulator.data.Appointment;
import io.keepersync.simulator.data.GhlTime;
import io.keepersync.simulator.data.Note;
import io.keepersync.simulator.data.SeededRandom;
import io.keepersync.simulator.data.Task;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Builds webhook bodies in the flat shapes of examples/webhook-*.json: envelope ({@code type},
 * {@code locationId}, {@code versionId}, {@code appId}), entity fields, then {@code timestamp} and
 * {@code webhookId}. Contact fields without a value are left out, as GHL does.
 */
public final class WebhookBodies {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> CONTACT_FIELDS = List.of("id", "address1", "city", "state", "postalCode",
            "country", "companyName", "source", "dateAdded", "dateOfBirth", "dnd", "email", "name", "firstName",
            "lastName", "phone", "tags", "website", "attachments", "assignedTo", "timezone", "customFields",
            "attributionSource");
    private static final List<String> ATTRIBUTION_FIELDS = List.of("medium", "mediumId", "sessionSource");

    private final String appId;

    /** @param appId the 24-hex id of the simulated marketplace app, used as {@code appId} and {@code versionId} */
    private volatile Clock deliveryClock;

    /**
     * Stamps each webhook's {@code timestamp} with this clock from now on, instead of the simulated time
     * of its change, for receivers that refuse webhooks older than a few hours. The data stays simulated.
     */
    public void useDeliveryClock(final Clock clock) {
        this.deliveryClock = clock;
    }

    public WebhookBodies(final String appId) {
        this.appId = appId;
    }

    /** ContactCreate/Update/Delete/TagUpdate, and ContactDndUpdate with {@code dndSettings}. */
    public ObjectNode contact(final String type, final ObjectNode contact) {
        final ObjectNode body = envelope(type, contact.path("locationId").asText());
        for (final String field : CONTACT_FIELDS) {
            copyContactField(body, contact, field);
        }
        if ("ContactDndUpdate".equals(type)) {
            body.set("dndSettings", contact.path("dndSettings").deepCopy());
        }
        return body;
    }

    /** NoteCreate/Update/Delete. */
    public ObjectNode note(final String type, final String locationId, final Note note) {
        final ObjectNode body = envelope(type, locationId);
        body.put("id", note.id());
        body.put("body", note.body());
        body.put("contactId", note.contactId());
        body.put("dateAdded", GhlTime.utcMillis(note.dateAdded()));
        return body;
    }

    /** TaskCreate/Complete/Delete. */
    public ObjectNode task(final String type, final String locationId, final Task task) {
        final ObjectNode body = envelope(type, locationId);
        body.put("id", task.id());
        body.put("assignedTo", task.assignedTo());
        body.put("body", task.body());
        body.put("contactId", task.contactId());
        body.put("title", task.title());
        body.put("dateAdded", GhlTime.utcMillis(task.dateAdded()));
        body.put("dueDate", GhlTime.utcMillis(task.dueDate()));
        return body;
    }

    /** AppointmentCreate/Update/Delete: fields nested under {@code appointment}, times with offset in {@code zone}. */
    public ObjectNode appointment(final String type, final Appointment appointment, final ZoneId zone) {
        final ObjectNode body = envelope(type, appointment.locationId());
        final ObjectNode nested = body.putObject("appointment");
        nested.put("id", appointment.id());
        nested.put("address", appointment.address());
        nested.put("title", appointment.title());
        nested.put("calendarId", appointment.calendarId());
        nested.put("contactId", appointment.contactId());
        nested.put("groupId", appointment.groupId());
        nested.put("appointmentStatus", appointment.appointmentStatus());
        nested.put("assignedUserId", appointment.assignedUserId());
        nested.set("users", JSON.arrayNode().addAll(appointment.users().stream().map(JSON::textNode).toList()));
        nested.put("notes", appointment.notes());
        nested.put("source", appointment.source());
        nested.put("startTime", GhlTime.withOffset(appointment.startTime(), zone));
        nested.put("endTime", GhlTime.withOffset(appointment.endTime(), zone));
        nested.put("dateAdded", GhlTime.withOffset(appointment.dateAdded(), zone));
        nested.put("dateUpdated", GhlTime.withOffset(appointment.dateUpdated(), zone));
        return body;
    }

    /**
     * Adds {@code timestamp} (a moment after the change) and a fresh {@code webhookId}, and serializes
     * the body into the bytes that will be signed and sent.
     */
    public WebhookEvent finish(final ObjectNode body, final Instant changedAt, final SeededRandom random) {
        final String webhookId = random.uuid();
        final Instant simulatedDelivery = changedAt.plusMillis(random.between(100, 900));
        final Clock clock = deliveryClock;
        body.put("timestamp", GhlTime.utcMillis(clock == null ? simulatedDelivery : clock.instant()));
        body.put("webhookId", webhookId);
        try {
            return new WebhookEvent(webhookId, body.path("type").asText(), body.path("locationId").asText(),
                    MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a webhook body", e);
        }
    }

    private ObjectNode envelope(final String type, final String locationId) {
        final ObjectNode body = JSON.objectNode();
        body.put("type", type);
        body.put("locationId", locationId);
        body.put("versionId", appId);
        body.put("appId", appId);
        return body;
    }

    private static void copyContactField(final ObjectNode body, final ObjectNode contact, final String field) {
        if ("attachments".equals(field)) {
            body.set(field, JSON.arrayNode());
            return;
        }
        final JsonNode value = contact.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        if ("attributionSource".equals(field)) {
            final ObjectNode attribution = body.putObject(field);
            ATTRIBUTION_FIELDS.forEach(name -> attribution.set(name, value.get(name)));
            return;
        }
        body.set(field, value.deepCopy());
    }
}
