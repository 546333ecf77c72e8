package io.keepersync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.simulator.support.ApiCalls;
import io.keepersync.simulator.support.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An in-process simulator against a served one with the same seed, and its reads against the endpoints. */
class InProcessMatchesHttpTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final SimulatorConfig CONFIG = SimulatorConfig.defaults().withSeed(23).withoutLatency()
            .withRateLimitEnabled(false);

    @Test
    void shouldCaptureExactlyTheBytesTheHttpSenderPosts() {
        try (WebhookReceiver receiver = new WebhookReceiver();
             GhlSimulator served = GhlSimulator.start(CONFIG.withWebhookUrl(receiver.url()))) {
            final GhlSimulator inProcess = GhlSimulator.inProcess(CONFIG);

            List.of(served, inProcess).forEach(InProcessMatchesHttpTest::busyHistory);

            assertThat(served.awaitWebhooksDelivered(Duration.ofSeconds(10))).isTrue();
            final List<String> posted = receiver.received().stream()
                    .map(r -> new String(r.body(), StandardCharsets.UTF_8)).toList();
            assertThat(inProcess.drainCapturedWebhooks()).hasSize((int) served.webhooksEmitted())
                    .containsExactlyElementsOf(posted);
            assertThat(inProcess.liveContactIds()).containsExactlyElementsOf(served.liveContactIds());
            assertThat(inProcess.deletedContactIds()).containsExactlyElementsOf(served.deletedContactIds());
            served.liveContactIds().forEach(id -> assertThat(inProcess.truthOf(id)).isEqualTo(served.truthOf(id)));
        }
    }

    @Test
    void shouldSearchContactsUpdatedSinceAsTheSearchEndpointDoes() {
        try (GhlSimulator served = GhlSimulator.start(CONFIG)) {
            final String location = busyHistory(served);
            final Instant since = medianDateUpdated(served);

            final List<ObjectNode> inProcess = served.contactsUpdatedSince(location, since);
            final JsonNode answer = new ApiCalls(served).post("/contacts/search", updatedSinceBody(location, since))
                    .body();

            assertThat(inProcess).hasSizeBetween(1, served.liveContactIds().size() - 1);
            assertThat(JSON.arrayNode().addAll(inProcess)).isEqualTo(answer.get("contacts"));
            assertThat(inProcess).extracting(c -> c.get("dateUpdated").asText()).isSorted()
                    .allSatisfy(updated -> assertThat(Instant.parse(updated)).isAfterOrEqualTo(since));
        }
    }

    @Test
    void shouldAnswerSearchBodiesAsTheSearchEndpointDoes() {
        try (GhlSimulator served = GhlSimulator.start(CONFIG)) {
            final String location = busyHistory(served);
            final ObjectNode body = JSON.objectNode().put("locationId", location).put("page", 2).put("pageLimit", 7);

            final JsonNode answer = new ApiCalls(served).post("/contacts/search", body.toString()).body();

            assertThat(served.searchContacts(body)).isEqualTo(answer);
        }
    }

    @Test
    void shouldFindTheContactOfEveryTaskAsTheTaskSearchDoes() {
        try (GhlSimulator served = GhlSimulator.start(CONFIG)) {
            final String location = busyHistory(served);
            final ApiCalls api = new ApiCalls(served);

            final List<String> taskIds = new ArrayList<>();
            served.liveContactIds().forEach(id -> served.truthOf(id).orElseThrow().get("tasks")
                    .forEach(task -> taskIds.add(task.get("id").asText())));

            assertThat(taskIds).isNotEmpty().allSatisfy(taskId -> {
                final JsonNode found = api.post("/locations/" + location + "/tasks/search",
                        JSON.objectNode().put("taskId", taskId).toString()).body();
                assertThat(served.contactOfTask(taskId)).contains(found.at("/tasks/0/contactId").asText());
            });
        }
    }

    /** The same calls on any simulator: seeded contacts, random changes, a DND change. Returns the location. */
    private static String busyHistory(final GhlSimulator simulator) {
        final String location = simulator.locationIds().get(0);
        simulator.seedContacts(location, 20);
        simulator.applyRandomChanges(120);
        simulator.changeDnd(simulator.liveContactIds().iterator().next(), "Email", true);
        return location;
    }

    private static Instant medianDateUpdated(final GhlSimulator simulator) {
        final List<Instant> updated = simulator.liveContactIds().stream()
                .map(id -> Instant.parse(simulator.truthOf(id).orElseThrow().at("/contact/dateUpdated").asText()))
                .sorted().toList();
        return updated.get(updated.size() / 2);
    }

    private static String updatedSinceBody(final String location, final Instant since) {
        final ObjectNode body = JSON.objectNode().put("locationId", location).put("pageLimit", 500);
        body.putArray("filters").addObject().put("field", "dateUpdated").put("operator", "gte")
                .put("value", since.toString());
        final ArrayNode sort = body.putArray("sort");
        sort.addObject().put("field", "dateUpdated").put("direction", "asc");
        return body.toString();
    }
}
