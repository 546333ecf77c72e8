package io.keepersync.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.simulator.api.ApiError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InProcessSimulatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SimulatorConfig CONFIG = SimulatorConfig.defaults().withSeed(11);

    @Test
    void shouldCaptureEveryWebhookInEmissionOrder() {
        final GhlSimulator simulator = GhlSimulator.inProcess(CONFIG);
        simulator.seedContacts(simulator.locationIds().get(0), 5);

        final int queued = simulator.applyRandomChanges(60);
        final List<String> first = simulator.drainCapturedWebhooks();
        final String contactId = simulator.liveContactIds().iterator().next();
        simulator.createNote(contactId);
        final List<String> second = simulator.drainCapturedWebhooks();

        assertThat(first).hasSize(queued).hasSizeGreaterThanOrEqualTo(60);
        assertThat(second).singleElement().satisfies(body -> {
            assertThat(json(body).get("type").asText()).isEqualTo("NoteCreate");
            assertThat(json(body).get("contactId").asText()).isEqualTo(contactId);
        });
        assertThat(simulator.webhooksEmitted()).isEqualTo(first.size() + second.size());
        assertThat(simulator.drainCapturedWebhooks()).isEmpty();
        final List<String> timestamps = first.stream().map(body -> json(body).get("timestamp").asText()).toList();
        assertThat(timestamps).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void shouldCaptureWebhooksWithoutAWebhookUrl() {
        final GhlSimulator simulator = GhlSimulator.inProcess(CONFIG.withWebhookUrl(null));

        final String contactId = simulator.createContact(simulator.locationIds().get(0));
        simulator.deleteContact(contactId);

        assertThat(simulator.drainCapturedWebhooks()).extracting(body -> json(body).get("type").asText())
                .containsExactly("ContactCreate", "ContactDelete");
    }

    @Test
    void shouldRefuseServerMethodsAndCloseHarmlessly() {
        final GhlSimulator simulator = GhlSimulator.inProcess(CONFIG);

        simulator.close();

        assertThatThrownBy(simulator::baseUrl).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(simulator::port).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> simulator.setWebhookUrl("http://localhost:1/x"))
                .isInstanceOf(IllegalStateException.class);
        assertThatNoException().isThrownBy(simulator::close);
        assertThat(simulator.awaitWebhooksDelivered(Duration.ZERO)).isTrue();
        assertThat(simulator.createContact(simulator.locationIds().get(0))).isNotBlank();
        assertThat(simulator.webhookPublicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void shouldRefuseToDrainWhenServing() {
        try (GhlSimulator served = GhlSimulator.start(CONFIG.withoutLatency())) {

            assertThatThrownBy(served::drainCapturedWebhooks).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void shouldMoveDateUpdatedOnlyForDirectContactChanges() {
        final GhlSimulator simulator = GhlSimulator.inProcess(CONFIG);
        final String location = simulator.locationIds().get(0);
        final String contactId = simulator.createContact(location);
        final Instant created = dateUpdated(simulator, contactId);
        final Instant afterCreate = created.plusMillis(1);

        simulator.createNote(contactId);
        simulator.completeTask(simulator.createTask(contactId));
        simulator.updateAppointment(simulator.createAppointment(contactId));
        final List<ObjectNode> quiet = simulator.contactsUpdatedSince(location, afterCreate);
        simulator.changeTags(contactId, List.of("in-process-test"), List.of());
        final List<ObjectNode> tagged = simulator.contactsUpdatedSince(location, afterCreate);

        assertThat(quiet).isEmpty();
        assertThat(simulator.contactsUpdatedSince(location, created)).hasSize(1);
        assertThat(tagged).singleElement().satisfies(c -> assertThat(c.get("id").asText()).isEqualTo(contactId));
        assertThat(dateUpdated(simulator, contactId)).isAfter(created);
    }

    @Test
    void shouldFindTheContactOfALiveTaskOnly() {
        final GhlSimulator simulator = GhlSimulator.inProcess(CONFIG);
        final String contactId = simulator.createContact(simulator.locationIds().get(0));
        final String kept = simulator.createTask(contactId);
        final String removed = simulator.createTask(contactId);

        simulator.deleteTask(removed);

        assertThat(simulator.contactOfTask(kept)).contains(contactId);
        assertThat(simulator.contactOfTask(removed)).isEmpty();
        assertThat(simulator.contactOfTask("zzzzzzzzzzzzzzzzzzzz")).isEmpty();
    }

    @Test
    void shouldRefuseASearchOfAnUnknownLocationAsTheEndpointDoes() {
        final GhlSimulator simulator = GhlSimulator.inProcess(CONFIG);

        assertThatThrownBy(() -> simulator.contactsUpdatedSince("unknownLocation0000", Instant.EPOCH))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void shouldStartNoThreadAndCaptureEveryWebhookOfManySmallSimulators() {
        final int threadsBefore = Thread.activeCount();

        long queued = 0;
        long drained = 0;
        for (int seed = 0; seed < 200; seed++) {
            final GhlSimulator simulator = GhlSimulator.inProcess(SimulatorConfig.defaults().withSeed(seed));
            queued += simulator.applyRandomChanges(20);
            drained += simulator.drainCapturedWebhooks().size();
        }

        assertThat(drained).isEqualTo(queued).isGreaterThan(3_000);
        assertThat(Thread.activeCount()).isEqualTo(threadsBefore);
    }

    private static Instant dateUpdated(final GhlSimulator simulator, final String contactId) {
        return Instant.parse(simulator.truthOf(contactId).orElseThrow().at("/contact/dateUpdated").asText());
    }

    private static JsonNode json(final String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
