package io.keepersync.gateway;

import static io.keepersync.gateway.support.ErrorAnswers.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keepersync.gateway.metrics.GatewayMetrics;
import io.keepersync.gateway.support.GatewayHttp;
import io.keepersync.gateway.support.GhlExamples;
import io.keepersync.gateway.support.TestKeys;
import io.keepersync.gateway.support.TopicReader;
import io.keepersync.kafka.SharedTestBroker;
import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.QuarantinedEvent;
import io.keepersync.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The gateway over real HTTP, publishing to the shared embedded Kafka broker. */
@Timeout(60)
class WebhookGatewayIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestKeys KEYS = TestKeys.generate();
    private static final int MAX_BODY_BYTES = 16 * 1024;
    private static final String GHL_SIGNATURE = "X-GHL-Signature";
    private static final String WH_SIGNATURE = "X-WH-Signature";

    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();
    private static WebhookGateway gateway;
    private static GatewayHttp http;
    private static TopicReader<ContactEvent> events;
    private static TopicReader<QuarantinedEvent> quarantine;

    @BeforeAll
    static void startGateway() {
        final Topics topics = SharedTestBroker.freshTopics("gateway");
        final GatewayConfig config = GatewayConfig.defaults(SharedTestBroker.bootstrapServers())
            .withTopics(topics)
            .withEd25519PublicKey(KEYS.ed25519Public())
            .withRsaPublicKey(KEYS.rsaPublic())
            .withMaxBodyBytes(MAX_BODY_BYTES)
            .withMaxWebhookAge(GhlExamples.AGE_OF_EXAMPLES);
        gateway = WebhookGateway.start(config, METERS);
        http = new GatewayHttp(gateway.port());
        events = new TopicReader<>(topics.contactEvents(), ContactEvent.class);
        quarantine = new TopicReader<>(topics.quarantine(), QuarantinedEvent.class);
    }

    @AfterAll
    static void stopGateway() {
        events.close();
        quarantine.close();
        gateway.close();
    }

    static List<Path> webhookExamples() {
        return GhlExamples.webhookFiles();
    }

    @ParameterizedTest
    @MethodSource("webhookExamples")
    void shouldPublishEverySignedExampleWithItsIdsAndTheBodyUnchanged(final Path file) throws Exception {
        final byte[] body = GhlExamples.bytes(file);
        final JsonNode json = JSON.readTree(body);
        final String webhookId = json.get("webhookId").textValue();

        final HttpResponse<String> response = http.postWebhook(body, GHL_SIGNATURE, KEYS.signEd25519(body));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("status").textValue()).isEqualTo("accepted");
        assertThat(JSON.readTree(response.body()).get("webhookId").textValue()).isEqualTo(webhookId);
        final ConsumerRecord<String, ContactEvent> record = events.awaitRecord(e -> e.getWebhookId().equals(webhookId));
        final ExpectedIds expected = ExpectedIds.of(json);
        assertThat(record.key()).isEqualTo(expected.key());
        assertThat(record.value().getEventType()).isEqualTo(json.get("type").textValue());
        assertThat(record.value().getLocationId()).isEqualTo(json.get("locationId").textValue());
        assertThat(record.value().getContactId()).isEqualTo(expected.contactId());
        assertThat(record.value().getEntityId()).isEqualTo(expected.entityId());
        assertThat(record.value().getOccurredAt()).isEqualTo(Instant.parse(json.get("timestamp").textValue()));
        assertThat(record.value().getReceivedAt()).isNotNull();
        assertThat(record.value().getBody().getBytes(StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void shouldVerifyTheExactBytesEvenWhenReserialisingWouldChangeThem() throws Exception {
        final String webhookId = UUID.randomUUID().toString();
        final String raw = "{\"type\":\"ContactCreate\", \"locationId\":\"8qN83ajhKeWpYcKzqIp1\","
            + " \"id\":\"oddFormat00000000001\", \"webhookId\":\"" + webhookId + "\","
            + " \"customFields\":[{\"id\":\"x\",\"value\":1.0}],\"name\":\"Zo\\u00eb\"}";
        final byte[] body = raw.getBytes(StandardCharsets.UTF_8);
        assertThat(JSON.writeValueAsString(JSON.readTree(body))).isNotEqualTo(raw);

        final HttpResponse<String> response = http.postWebhook(body, GHL_SIGNATURE, KEYS.signEd25519(body));

        assertThat(response.statusCode()).isEqualTo(200);
        final ContactEvent stored = events.awaitRecord(e -> e.getWebhookId().equals(webhookId)).value();
        assertThat(stored.getBody()).isEqualTo(raw);
        assertThat(stored.getBody().getBytes(StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void shouldAcceptAValidRsaSignatureWhenNoEd25519HeaderIsSent() {
        final byte[] body = GhlExamples.bytes("webhook-ContactUpdate.json");

        final HttpResponse<String> response = http.postWebhook(body, WH_SIGNATURE, KEYS.signRsa(body));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAWrongEd25519SignatureEvenWithAValidRsaSignature() throws Exception {
        final byte[] body = GhlExamples.bytes("webhook-ContactUpdate.json");
        final String wrongEd25519 = KEYS.signEd25519("something else".getBytes(StandardCharsets.UTF_8));

        final HttpResponse<String> response = http.postWebhook(body,
            GHL_SIGNATURE, wrongEd25519, WH_SIGNATURE, KEYS.signRsa(body));

        assertError(response, 401, "invalid_signature");
    }

    @Test
    void shouldRefuseABadSignature() throws Exception {
        final byte[] body = GhlExamples.bytes("webhook-ContactCreate.json");
        final byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("Springfield", "Shelbyville")
            .getBytes(StandardCharsets.UTF_8);

        final HttpResponse<String> response = http.postWebhook(tampered, GHL_SIGNATURE, KEYS.signEd25519(body));

        assertError(response, 401, "invalid_signature");
        assertThat(METERS.counter(GatewayMetrics.REJECTED, "reason", "invalid_signature", "status", "401").count())
            .isPositive();
    }

    @Test
    void shouldRefuseAMissingSignature() throws Exception {
        final byte[] body = GhlExamples.bytes("webhook-ContactCreate.json");

        final HttpResponse<String> response = http.postWebhook(body);

        assertError(response, 401, "missing_signature");
    }

    @Test
    void shouldTreatNaAsNoSignature() throws Exception {
        final byte[] body = GhlExamples.bytes("webhook-ContactCreate.json");

        final HttpResponse<String> ghlNa = http.postWebhook(body, GHL_SIGNATURE, "N/A");
        final HttpResponse<String> whNa = http.postWebhook(body, WH_SIGNATURE, "N/A");

        assertError(ghlNa, 401, "missing_signature");
        assertError(whNa, 401, "missing_signature");
    }

    @Test
    void shouldRefuseASignatureThatIsNotBase64() throws Exception {
        final byte[] body = GhlExamples.bytes("webhook-ContactCreate.json");

        final HttpResponse<String> response = http.postWebhook(body, GHL_SIGNATURE, "***not-base64***");

        assertError(response, 401, "malformed_signature");
    }

    @Test
    void shouldAnswer400ForMalformedJson() throws Exception {
        final byte[] body = "{\"type\":\"ContactCreate\",".getBytes(StandardCharsets.UTF_8);

        final HttpResponse<String> response = http.postWebhook(body, GHL_SIGNATURE, KEYS.signEd25519(body));

        assertError(response, 400, "malformed_json");
    }

    @Test
    void shouldAnswer400ForTrailingContentAfterTheObject() throws Exception {
        final byte[] body = "{\"type\":\"ContactCreate\"} {}".getBytes(StandardCharsets.UTF_8);

        final HttpResponse<String> response = http.postWebhook(body, GHL_SIGNATURE, KEYS.signEd25519(body));

        assertError(response, 400, "malformed_json");
    }

    @Test
    void shouldAnswer400ForJsonThatIsNotAnObject() throws Exception {
        final byte[] body = "[{\"type\":\"ContactCreate\"}]".getBytes(StandardCharsets.UTF_8);

        final HttpResponse<String> response = http.postWebhook(body, GHL_SIGNATURE, KEYS.signEd25519(body));

        assertError(response, 400, "not_a_json_object");
    }

    @Test
    void shouldAnswer413ForABodyOverTheDeclaredLimit() throws Exception {
        final byte[] body = oversizedBody();

        final HttpResponse<String> response = http.postWebhook(body, GHL_SIGNATURE, KEYS.signEd25519(body));

        assertError(response, 413, "body_too_large");
    }

    @Test
    void shouldAnswer413ForAChunkedBodyOverTheLimit() throws Exception {
        final byte[] body = oversizedBody();

        final HttpResponse<String> response = http.postWebhookStreamed(body, GHL_SIGNATURE, KEYS.signEd25519(body));

        assertError(response, 413, "body_too_large");
    }

    @Test
    void shouldQuarantineAWorkflowWebhook() throws Exception {
        final String marker = UUID.randomUUID().toString();
        final byte[] body = ("{\"contact_id\":\"" + marker + "\",\"location\":{\"id\":\"8qN83ajhKeWpYcKzqIp1\"},"
            + "\"workflow\":{\"name\":\"Lead Created\"}}").getBytes(StandardCharsets.UTF_8);

        final HttpResponse<String> response = http.postWebhook(body, GHL_SIGNATURE, KEYS.signEd25519(body));

        assertThat(response.statusCode()).isEqualTo(202);
        final QuarantinedEvent stored = quarantine.awaitRecord(q -> q.getBody().contains(marker)).value();
        assertThat(stored.getReason()).isEqualTo("workflow_webhook");
        assertThat(stored.getBody().getBytes(StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void shouldQuarantineABodyNestedUnderData() throws Exception {
        final String webhookId = UUID.randomUUID().toString();
        final byte[] body = ("{\"type\":\"ContactCreate\",\"locationId\":\"8qN83ajhKeWpYcKzqIp1\",\"webhookId\":\""
            + webhookId + "\",\"data\":{\"id\":\"cV9Xos78cGC2IymrARjg\"}}").getBytes(StandardCharsets.UTF_8);

        final HttpResponse<String> response = http.postWebhook(body, GHL_SIGNATURE, KEYS.signEd25519(body));

        assertThat(response.statusCode()).isEqualTo(202);
        final ConsumerRecord<String, QuarantinedEvent> stored =
            quarantine.awaitRecord(q -> webhookId.equals(q.getWebhookId()));
        assertThat(stored.value().getReason()).isEqualTo("nested_under_data");
        assertThat(stored.value().getEventType()).isEqualTo("ContactCreate");
        assertThat(stored.key()).isEqualTo("8qN83ajhKeWpYcKzqIp1");
    }

    @Test
    void shouldQuarantineAnUnknownType() throws Exception {
        final String webhookId = UUID.randomUUID().toString();
        final byte[] body = ("{\"type\":\"OpportunityCreate\",\"locationId\":\"8qN83ajhKeWpYcKzqIp1\",\"webhookId\":\""
            + webhookId + "\",\"id\":\"opp1\"}").getBytes(StandardCharsets.UTF_8);

        final HttpResponse<String> response = http.postWebhook(body, GHL_SIGNATURE, KEYS.signEd25519(body));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).get("reason").textValue()).isEqualTo("unknown_type");
        assertThat(quarantine.awaitRecord(q -> webhookId.equals(q.getWebhookId())).value().getReason())
            .isEqualTo("unknown_type");
        assertThat(METERS.counter(GatewayMetrics.QUARANTINED, "reason", "unknown_type").count()).isPositive();
    }

    @Test
    void shouldReportHealth() throws Exception {
        final HttpResponse<String> response = http.get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("status").textValue()).isEqualTo("UP");
    }

    @Test
    void shouldAnswerUnknownPathsWithAJsonError() throws Exception {
        final HttpResponse<String> response = http.get("/webhooks/other");

        assertError(response, 404, "not_found");
    }

    private static byte[] oversizedBody() {
        final String padding = "x".repeat(MAX_BODY_BYTES);
        return ("{\"type\":\"ContactCreate\",\"padding\":\"" + padding + "\"}").getBytes(StandardCharsets.UTF_8);
    }


    /** Where CONTRACT §5.3 says each event family names its contact and entity. */
    private record ExpectedIds(String contactId, String entityId, String key) {

        static ExpectedIds of(final JsonNode body) {
            final String type = body.get("type").textValue();
            final String location = body.get("locationId").textValue();
            if (type.startsWith("Contact")) {
                return new ExpectedIds(text(body, "id"), text(body, "id"), text(body, "id"));
            }
            if (type.startsWith("Note") || type.startsWith("Task")) {
                final String contact = text(body, "contactId");
                return new ExpectedIds(contact, text(body, "id"), contact != null ? contact : text(body, "id"));
            }
            if (type.startsWith("Appointment")) {
                final JsonNode appointment = body.get("appointment");
                return new ExpectedIds(text(appointment, "contactId"), text(appointment, "id"),
                    text(appointment, "contactId"));
            }
            return new ExpectedIds(null, null, location);
        }

        private static String text(final JsonNode node, final String field) {
            return node.hasNonNull(field) ? node.get(field).textValue() : null;
        }
    }
}
