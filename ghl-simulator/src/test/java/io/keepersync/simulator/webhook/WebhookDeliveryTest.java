package io.keepersync.simulator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.simulator.GhlSimulator;
import io.keepersync.simulator.SimulatorConfig;
import io.keepersync.simulator.support.ApiCalls;
import io.keepersync.simulator.support.GhlExamples;
import io.keepersync.simulator.support.WebhookReceiver;
import io.keepersync.simulator.support.WebhookReceiver.Received;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(5);

    private WebhookReceiver receiver;
    private GhlSimulator simulator;
    private String location;

    @BeforeEach
    void start() {
        receiver = new WebhookReceiver();
        simulator = GhlSimulator.start(SimulatorConfig.defaults().withoutLatency().withWebhookUrl(receiver.url())
                .withWebhookRetryDelay(Duration.ofMillis(30)));
        location = simulator.locationIds().get(0);
    }

    @AfterEach
    void stop() {
        simulator.close();
        receiver.close();
    }

    @Test
    void shouldSignTheExactBytesItSendsWithItsOwnKey() throws GeneralSecurityException {
        simulator.createContact(location);

        assertThat(simulator.awaitWebhooksDelivered(WAIT)).isTrue();

        final Received received = receiver.received().get(0);
        assertThat(received.contentType()).isEqualTo("application/json");
        assertThat(Base64.getDecoder().decode(received.signature())).hasSize(64);
        assertThat(verifies(simulator.webhookPublicKeyPem(), received.body(), received.signature())).isTrue();
        assertThat(verifies(simulator.webhookPublicKeyPem(), tampered(received.body()), received.signature()))
                .isFalse();
    }

    @Test
    void shouldSendEachEventInTheShapeOfItsExample() {
        final String contactId = simulator.createContact(location);
        simulator.updateContact(contactId, fullContact());
        simulator.changeTags(contactId, List.of("webinar-2026-03"), List.of());
        simulator.changeDnd(contactId, "Email", true);
        final String noteId = simulator.createNote(contactId);
        simulator.updateNote(noteId);
        simulator.deleteNote(noteId);
        final String taskId = simulator.createTask(contactId);
        simulator.completeTask(taskId);
        simulator.deleteTask(taskId);
        final String appointmentId = simulator.createAppointment(contactId);
        simulator.updateAppointment(appointmentId);
        simulator.deleteAppointment(appointmentId);
        simulator.deleteContact(contactId);

        assertThat(simulator.awaitWebhooksDelivered(WAIT)).isTrue();

        final Map<String, JsonNode> byType = new HashMap<>();
        receiver.received().forEach(r -> byType.put(json(r.body()).get("type").asText(), json(r.body())));
        assertThat(byType).hasSize(14);
        assertThat(byType.get("ContactDelete").get("id").asText()).isEqualTo(contactId);
        assertThat(fields(example("webhook-ContactCreate.json")))
                .containsSubsequence(fields(byType.remove("ContactCreate")));
        byType.forEach((type, body) -> assertSameShape(type, body, example("webhook-" + type + ".json")));
        assertThat(byType.get("AppointmentDelete").at("/appointment/appointmentStatus").asText())
                .isEqualTo("cancelled");
    }

    @Test
    void shouldStampAppIdTimestampAndUuidWebhookIds() {
        simulator.createContact(location);

        assertThat(simulator.awaitWebhooksDelivered(WAIT)).isTrue();

        final JsonNode body = json(receiver.received().get(0).body());
        assertThat(body.get("appId").asText()).isEqualTo(simulator.appId()).isEqualTo(body.get("versionId").asText());
        assertThat(body.get("webhookId").asText())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(body.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void shouldRetryTheSameBytesAfter429() {
        receiver.answer(429, 429);

        simulator.createContact(location);

        assertThat(simulator.awaitWebhooksDelivered(WAIT)).isTrue();
        final List<Received> received = receiver.received();
        assertThat(received).hasSize(3);
        assertThat(received.get(2).body()).isEqualTo(received.get(0).body());
        assertThat(simulator.webhooksAccepted()).isEqualTo(1);
        assertThat(simulator.webhooksSent()).isEqualTo(3);
        assertThat(simulator.webhooksDropped()).isZero();
    }

    @Test
    void shouldGiveUpAfterSixRetries() {
        receiver.answer(429, 429, 429, 429, 429, 429, 429);

        simulator.createContact(location);

        assertThat(simulator.awaitWebhooksDelivered(WAIT)).isTrue();
        assertThat(receiver.received()).hasSize(7);
        assertThat(simulator.webhooksDropped()).isEqualTo(1);
    }

    @Test
    void shouldDropAnEventAnswered500WithoutRetrying() {
        receiver.answer(500);

        simulator.createContact(location);
        simulator.createContact(location);

        assertThat(simulator.awaitWebhooksDelivered(WAIT)).isTrue();
        assertThat(receiver.received()).hasSize(2);
        assertThat(simulator.webhooksDropped()).isEqualTo(1);
        assertThat(simulator.webhooksAccepted()).isEqualTo(1);
    }

    @Test
    void shouldSendRandomChangesInOrderPerContact() {
        simulator.seedContacts(location, 10);

        final int emitted = simulator.applyRandomChanges(150);

        assertThat(simulator.awaitWebhooksDelivered(WAIT)).isTrue();
        assertThat(receiver.received()).hasSize(emitted);
        final Map<String, String> lastTimestamp = new HashMap<>();
        receiver.received().stream().map(r -> json(r.body())).forEach(body -> {
            final String contact = body.has("appointment") ? body.at("/appointment/contactId").asText()
                    : body.path("contactId").asText(body.get("id").asText());
            final String timestamp = body.get("timestamp").asText();
            assertThat(timestamp).isGreaterThanOrEqualTo(lastTimestamp.getOrDefault(contact, ""));
            lastTimestamp.put(contact, timestamp);
        });
    }

    @Test
    void shouldDuplicateAndDropOnRequest() {
        simulator.setDeliveryFaults(1.0, 1, 0.0);
        simulator.createContact(location);
        assertThat(simulator.awaitWebhooksDelivered(WAIT)).isTrue();
        simulator.setDeliveryFaults(0.0, 1, 1.0);

        simulator.createContact(location);

        assertThat(simulator.awaitWebhooksDelivered(WAIT)).isTrue();
        assertThat(receiver.received()).hasSize(2);
        assertThat(receiver.received().get(1).body()).isEqualTo(receiver.received().get(0).body());
        assertThat(simulator.webhooksDropped()).isEqualTo(1);
    }

    @Test
    void shouldFireTagUpdatesForTagCallsOverHttp() {
        final String contactId = simulator.createContact(location);
        final ApiCalls api = new ApiCalls(simulator);

        api.post("/contacts/" + contactId + "/tags", "{\"tags\":[\"vip\"]}");

        assertThat(simulator.awaitWebhooksDelivered(WAIT)).isTrue();
        assertThat(receiver.received()).extracting(r -> json(r.body()).get("type").asText())
                .containsExactly("ContactCreate", "ContactTagUpdate");
    }

    private static void assertSameShape(final String type, final JsonNode actual, final JsonNode expected) {
        assertThat(fields(actual)).as(type).containsExactlyElementsOf(fields(expected));
        if (expected.has("appointment")) {
            assertThat(fields(actual.get("appointment"))).as(type)
                    .containsExactlyElementsOf(fields(expected.get("appointment")));
        }
    }

    /** Sets every contact field a webhook carries, so no field is left out for being empty. */
    private static ObjectNode fullContact() {
        return MAPPER.createObjectNode().put("companyName", "Acme Test Co").put("website", "https://www.example.com")
                .put("address1", "1 Example Ave").put("city", "Springfield").put("state", "IL")
                .put("postalCode", "62701").put("dateOfBirth", "1988-04-17T00:00:00.000Z")
                .put("assignedTo", "LHxeeYHJ0Hp2lMfu0GKC");
    }

    private static List<String> fields(final JsonNode node) {
        return GhlExamples.fieldNames(node);
    }

    private static JsonNode example(final String file) {
        return GhlExamples.read(file);
    }

    private static boolean verifies(final String pem, final byte[] body, final String signature)
            throws GeneralSecurityException {
        final String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        final PublicKey key = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        final Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(body);
        return verifier.verify(Base64.getDecoder().decode(signature));
    }

    private static byte[] tampered(final byte[] body) {
        final byte[] copy = body.clone();
        copy[copy.length - 3] ^= 1;
        return copy;
    }

    private static JsonNode json(final byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
