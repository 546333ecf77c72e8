package io.keepersync.simulator.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.keepersync.simulator.GhlSimulator;
import io.keepersync.simulator.SimulatorConfig;
import io.keepersync.simulator.support.GhlExamples;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatedDataTest {

    private static final SimulatorConfig CONFIG = SimulatorConfig.defaults().withoutLatency();
    private static final String UTC_MILLIS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    @Test
    void shouldBuildTheSameWorldForTheSameSeed() {
        try (GhlSimulator first = busyWorld(7L); GhlSimulator second = busyWorld(7L)) {

            final Set<String> live = first.liveContactIds();

            assertThat(live).isNotEmpty().containsExactlyElementsOf(second.liveContactIds());
            assertThat(first.deletedContactIds()).isNotEmpty().isEqualTo(second.deletedContactIds());
            assertThat(first.appId()).isEqualTo(second.appId());
            assertThat(first.webhookPublicKeyPem()).isEqualTo(second.webhookPublicKeyPem());
            live.forEach(id -> assertThat(first.truthOf(id)).isEqualTo(second.truthOf(id)));
        }
    }

    @Test
    void shouldBuildADifferentWorldForAnotherSeed() {
        try (GhlSimulator first = busyWorld(7L); GhlSimulator second = busyWorld(8L)) {

            final Set<String> live = first.liveContactIds();

            assertThat(live).doesNotContainAnyElementsOf(second.liveContactIds());
            assertThat(first.webhookPublicKeyPem()).isNotEqualTo(second.webhookPublicKeyPem());
        }
    }

    @Test
    void shouldUseGhlIdFormats() {
        try (GhlSimulator simulator = busyWorld(3L)) {

            final String contactId = simulator.liveContactIds().iterator().next();
            final JsonNode truth = simulator.truthOf(contactId).orElseThrow();

            assertThat(simulator.locationIds()).singleElement().asString().matches("[A-Za-z0-9]{20}");
            assertThat(simulator.appId()).matches("[0-9a-f]{24}");
            assertThat(contactId).matches("[A-Za-z0-9]{20}");
            assertThat(truth.at("/contact/dateAdded").asText()).matches(UTC_MILLIS);
            assertThat(simulator.webhookPublicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n")
                    .endsWith("-----END PUBLIC KEY-----\n");
        }
    }

    @Test
    void shouldKeepEveryFieldOfTheGetContactExample() {
        try (GhlSimulator simulator = GhlSimulator.start(CONFIG)) {
            final List<String> ids = simulator.seedContacts(simulator.locationIds().get(0), 20);

            final List<String> expected = GhlExamples.fieldNames(GhlExamples.read("get-contact.json").get("contact"));

            ids.forEach(id -> assertThat(GhlExamples.fieldNames(simulator.truthOf(id).orElseThrow().get("contact")))
                    .containsExactlyElementsOf(expected));
        }
    }

    @Test
    void shouldGenerateCustomFieldValuesOfMixedJsonTypes() {
        try (GhlSimulator simulator = GhlSimulator.start(CONFIG)) {
            final List<String> ids = simulator.seedContacts(simulator.locationIds().get(0), 30);

            final Set<JsonNodeType> types = EnumSet.noneOf(JsonNodeType.class);
            ids.forEach(id -> simulator.truthOf(id).orElseThrow().at("/contact/customFields")
                    .forEach(field -> types.add(field.get("value").getNodeType())));

            assertThat(types).contains(JsonNodeType.STRING, JsonNodeType.NUMBER, JsonNodeType.ARRAY,
                    JsonNodeType.OBJECT);
        }
    }

    @Test
    void shouldGenerateClearlyFakePersonalData() {
        try (GhlSimulator simulator = GhlSimulator.start(CONFIG)) {
            final List<String> ids = simulator.seedContacts(simulator.locationIds().get(0), 30);

            final List<JsonNode> contacts = ids.stream().map(id -> simulator.truthOf(id).orElseThrow().get("contact"))
                    .map(JsonNode.class::cast).toList();

            assertThat(contacts).allSatisfy(contact -> {
                assertThat(contact.get("email").asText()).endsWith("@example.com");
                assertThat(contact.get("phone").asText()).startsWith("+1555");
            });
            assertThat(contacts).extracting(c -> c.get("timezone").asText())
                    .contains("America/Chicago", "Europe/Berlin");
        }
    }

    @Test
    void shouldMoveDateUpdatedWhenAContactChanges() {
        try (GhlSimulator simulator = GhlSimulator.start(CONFIG)) {
            final String id = simulator.createContact(simulator.locationIds().get(0));
            final String before = simulator.truthOf(id).orElseThrow().at("/contact/dateUpdated").asText();

            simulator.updateContact(id, JsonNodeFactory.instance.objectNode().put("city", "Peoria"));

            final JsonNode after = simulator.truthOf(id).orElseThrow().get("contact");
            assertThat(after.get("city").asText()).isEqualTo("Peoria");
            assertThat(after.get("dateUpdated").asText()).isGreaterThan(before);
            assertThat(after.get("dateAdded").asText()).isLessThan(after.get("dateUpdated").asText());
        }
    }

    @Test
    void shouldForgetEverythingOfADeletedContact() {
        try (GhlSimulator simulator = GhlSimulator.start(CONFIG)) {
            final String id = simulator.createContact(simulator.locationIds().get(0));
            final String taskId = simulator.createTask(id);

            simulator.deleteContact(id);

            assertThat(simulator.truthOf(id)).isEmpty();
            assertThat(simulator.liveContactIds()).doesNotContain(id);
            assertThat(simulator.deletedContactIds()).containsExactly(id);
            assertThatThrownBy(() -> simulator.completeTask(taskId))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static GhlSimulator busyWorld(final long seed) {
        final GhlSimulator simulator = GhlSimulator.start(CONFIG.withSeed(seed));
        simulator.seedContacts(simulator.locationIds().get(0), 25);
        simulator.applyRandomChanges(300);
        return simulator;
    }
}
