package io.keepersync.gateway.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.QuarantinedEvent;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Decides whether a signed JSON object is a marketplace event the pipeline syncs and, if so, which
 * contact and entity it concerns. A marketplace event is flat and carries string {@code type},
 * {@code webhookId} and {@code locationId}; anything else is quarantined with a reason.
 * Stateless and thread-safe.
 */
public final class WebhookClassifier {

    /**
     * Classifies one webhook body.
     *
     * @param body the parsed body, a JSON object
     * @param rawBody the body exactly as received, stored unchanged in the Kafka record
     * @param receivedAt when the gateway received the request
     */
    public Classification classify(final JsonNode body, final String rawBody, final Instant receivedAt) {
        final Optional<String> type = EventType.text(body, "type");
        if (type.isEmpty()) {
            return quarantine(looksLikeWorkflow(body) ? QuarantineReason.WORKFLOW_WEBHOOK
                : QuarantineReason.MISSING_TYPE, body, rawBody, receivedAt);
        }
        final Optional<EventType> eventType = EventType.fromGhlName(type.get());
        if (eventType.isEmpty()) {
            return quarantine(QuarantineReason.UNKNOWN_TYPE, body, rawBody, receivedAt);
        }
        final Optional<QuarantineReason> defect = envelopeDefect(eventType.get(), body);
        if (defect.isPresent()) {
            return quarantine(defect.get(), body, rawBody, receivedAt);
        }
        return marketplace(eventType.get(), body, rawBody, receivedAt);
    }

    private static boolean looksLikeWorkflow(final JsonNode body) {
        return body.has("workflow") || body.has("contact_id");
    }

    private static Optional<QuarantineReason> envelopeDefect(final EventType type, final JsonNode body) {
        if (body.path("data").isObject()) {
            return Optional.of(QuarantineReason.NESTED_UNDER_DATA);
        }
        if (EventType.text(body, "webhookId").isEmpty()) {
            return Optional.of(QuarantineReason.MISSING_WEBHOOK_ID);
        }
        if (EventType.text(body, "locationId").isEmpty()) {
            return Optional.of(QuarantineReason.MISSING_LOCATION_ID);
        }
        if (type.requiresEntityId() && type.entityId(body).isEmpty()) {
            return Optional.of(QuarantineReason.MISSING_ENTITY_ID);
        }
        return Optional.empty();
    }

    private static Classification.Marketplace marketplace(final EventType type, final JsonNode body,
                                                          final String rawBody, final Instant receivedAt) {
        final String locationId = EventType.text(body, "locationId").orElseThrow();
        final String contactId = type.contactId(body).orElse(null);
        final String entityId = type.entityId(body).orElse(null);
        final ContactEvent event = ContactEvent.newBuilder()
            .setWebhookId(EventType.text(body, "webhookId").orElseThrow())
            .setEventType(type.ghlName())
            .setLocationId(locationId)
            .setContactId(contactId)
            .setEntityId(entityId)
            .setOccurredAt(occurredAt(body.path("timestamp")))
            .setReceivedAt(receivedAt)
            .setBody(rawBody)
            .build();
        return new Classification.Marketplace(firstPresent(contactId, entityId, locationId), event);
    }

    private static Classification.Quarantine quarantine(final QuarantineReason reason, final JsonNode body,
                                                        final String rawBody, final Instant receivedAt) {
        final String locationId = EventType.text(body, "locationId").orElse(null);
        final QuarantinedEvent event = QuarantinedEvent.newBuilder()
            .setReason(reason.code())
            .setEventType(EventType.text(body, "type").orElse(null))
            .setLocationId(locationId)
            .setWebhookId(EventType.text(body, "webhookId").orElse(null))
            .setReceivedAt(receivedAt)
            .setBody(rawBody)
            .build();
        return new Classification.Quarantine(locationId, reason, event);
    }

    /** GHL's {@code timestamp}: ISO-8601 with an offset, or epoch milliseconds; null when unreadable. */
    static Instant occurredAt(final JsonNode timestamp) {
        if (timestamp.isIntegralNumber() && timestamp.canConvertToLong()) {
            return Instant.ofEpochMilli(timestamp.longValue());
        }
        if (!timestamp.isTextual()) {
            return null;
        }
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(timestamp.textValue().trim(), Instant::from);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String firstPresent(final String... candidates) {
        for (final String candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }
}
