package io.keepersync.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keepersync.gateway.support.GhlExamples;
import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.QuarantinedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookClassifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant RECEIVED = Instant.parse("2026-03-02T15:04:12Z");
    private static final String CONTACT = "cV9Xos78cGC2IymrARjg";
    private static final String LOCATION = "8qN83ajhKeWpYcKzqIp1";

    private final WebhookClassifier classifier = new WebhookClassifier();

    @ParameterizedTest
    @CsvSource({
        "webhook-ContactUpdate.json, ContactUpdate, cV9Xos78cGC2IymrARjg, cV9Xos78cGC2IymrARjg",
        "webhook-NoteCreate.json, NoteCreate, cV9Xos78cGC2IymrARjg, XnvdRy6hR1XQatDmHYvT",
        "webhook-TaskComplete.json, TaskComplete, cV9Xos78cGC2IymrARjg, LseOtJnlWlihbzdV8T2f",
        "webhook-AppointmentUpdate.json, AppointmentUpdate, cV9Xos78cGC2IymrARjg, 41SpqQZg2cL2UGM9KtPj"
    })
    void shouldTakeContactAndEntityIdsFromWhereEachEventFamilyKeepsThem(
        final String file, final String eventType, final String contactId, final String entityId) {
        final String raw = example(file);

        final Classification result = classify(raw);

        assertThat(result).isInstanceOf(Classification.Marketplace.class);
        final ContactEvent event = ((Classification.Marketplace) result).event();
        assertThat(event.getEventType()).isEqualTo(eventType);
        assertThat(event.getContactId()).isEqualTo(contactId);
        assertThat(event.getEntityId()).isEqualTo(entityId);
        assertThat(event.getLocationId()).isEqualTo(LOCATION);
        assertThat(event.getBody()).isEqualTo(raw);
        assertThat(result.partitionKey()).isEqualTo(CONTACT);
    }

    @Test
    void shouldKeyATaskWithoutContactIdByTheTaskId() {
        final Classification result = classify(example("webhook-TaskCreate-observed-missing-contactId.json"));

        final ContactEvent event = ((Classification.Marketplace) result).event();
        assertThat(event.getContactId()).isNull();
        assertThat(event.getEntityId()).isEqualTo("LseOtJnlWlihbzdV8T2f");
        assertThat(result.partitionKey()).isEqualTo("LseOtJnlWlihbzdV8T2f");
    }

    @Test
    void shouldKeyAppLifecycleEventsByLocation() {
        final Classification result = classify(example("webhook-INSTALL.json"));

        final ContactEvent event = ((Classification.Marketplace) result).event();
        assertThat(event.getContactId()).isNull();
        assertThat(event.getEntityId()).isNull();
        assertThat(result.partitionKey()).isEqualTo(LOCATION);
    }

    @Test
    void shouldReadTheEventTimestamp() {
        final Classification result = classify(example("webhook-ContactCreate.json"));

        final ContactEvent event = ((Classification.Marketplace) result).event();
        assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2026-03-02T15:04:11.642Z"));
        assertThat(event.getReceivedAt()).isEqualTo(RECEIVED);
    }

    @Test
    void shouldLeaveAnUnreadableTimestampEmpty() {
        final Classification result = classify(
            "{\"type\":\"ContactCreate\",\"locationId\":\"L\",\"webhookId\":\"w\",\"id\":\"c\","
                + "\"timestamp\":\"soon\"}");

        assertThat(((Classification.Marketplace) result).event().getOccurredAt()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"contact_id\":\"c\",\"location\":{\"id\":\"L\"},\"workflow\":{\"name\":\"Lead Created\"}}"
            + " | workflow_webhook",
        "{\"locationId\":\"L\",\"webhookId\":\"w\",\"id\":\"c\"} | missing_type",
        "{\"type\":\"OpportunityCreate\",\"locationId\":\"L\",\"webhookId\":\"w\"} | unknown_type",
        "{\"type\":\"contactcreate\",\"locationId\":\"L\",\"webhookId\":\"w\",\"id\":\"c\"} | unknown_type",
        "{\"type\":\"ContactCreate\",\"locationId\":\"L\",\"webhookId\":\"w\",\"data\":{\"id\":\"c\"}}"
            + " | nested_under_data",
        "{\"type\":\"ContactCreate\",\"data\":{\"id\":\"c\",\"locationId\":\"L\"}} | nested_under_data",
        "{\"type\":\"ContactCreate\",\"locationId\":\"L\",\"id\":\"c\"} | missing_webhook_id",
        "{\"type\":\"INSTALL\",\"webhookId\":\"w\",\"companyId\":\"co\"} | missing_location_id",
        "{\"type\":\"AppointmentCreate\",\"locationId\":\"L\",\"webhookId\":\"w\",\"appointment\":{}}"
            + " | missing_entity_id",
        "{\"type\":\"ContactUpdate\",\"locationId\":\"L\",\"webhookId\":\"w\",\"id\":42} | missing_entity_id"
    })
    void shouldQuarantineBodiesThatAreNotHandledMarketplaceEvents(final String raw, final String reason) {
        final Classification result = classify(raw.trim());

        assertThat(result).isInstanceOf(Classification.Quarantine.class);
        final QuarantinedEvent event = ((Classification.Quarantine) result).event();
        assertThat(event.getReason()).isEqualTo(reason);
        assertThat(event.getBody()).isEqualTo(raw.trim());
        assertThat(event.getReceivedAt()).isEqualTo(RECEIVED);
    }

    @Test
    void shouldKeepTheEnvelopeIdsOfAQuarantinedBody() {
        final Classification result =
            classify("{\"type\":\"OpportunityCreate\",\"locationId\":\"L\",\"webhookId\":\"w\"}");

        final QuarantinedEvent event = ((Classification.Quarantine) result).event();
        assertThat(event.getEventType()).isEqualTo("OpportunityCreate");
        assertThat(event.getLocationId()).isEqualTo("L");
        assertThat(event.getWebhookId()).isEqualTo("w");
        assertThat(result.partitionKey()).isEqualTo("L");
    }

    @Test
    void shouldReadEpochMillisAndOffsetTimestamps() {
        assertThat(WebhookClassifier.occurredAt(JSON.getNodeFactory().numberNode(1_772_463_851_642L)))
            .isEqualTo(Instant.ofEpochMilli(1_772_463_851_642L));
        assertThat(WebhookClassifier.occurredAt(JSON.getNodeFactory().textNode("2026-03-10T10:00:00-05:00")))
            .isEqualTo(Instant.parse("2026-03-10T15:00:00Z"));
        assertThat(WebhookClassifier.occurredAt(JSON.missingNode())).isNull();
    }

    private Classification classify(final String raw) {
        try {
            final JsonNode body = JSON.readTree(raw);
            return classifier.classify(body, raw, RECEIVED);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String example(final String file) {
        return new String(GhlExamples.bytes(file), StandardCharsets.UTF_8);
    }
}
