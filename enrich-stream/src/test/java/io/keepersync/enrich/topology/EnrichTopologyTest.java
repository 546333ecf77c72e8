package io.keepersync.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.EnrichedContact;
import io.keepersync.schemas.Topics;
import io.keepersync.schemas.serde.AvroSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrichTopologyTest {

    private static final Instant NOW = Instant.parse("2026-03-05T00:00:00Z");

    private final Topics topics = Topics.defaults();
    private final FakeGhl ghl = new FakeGhl();
    private TopologyTestDriver driver;
    private TestInputTopic<String, ContactEvent> events;
    private TestOutputTopic<String, EnrichedContact> enriched;
    private TestOutputTopic<String, ContactEvent> rerouted;

    @BeforeEach
    void startDriver() {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(
            EnrichTopology.build(topics, ghl, Clock.fixed(NOW, ZoneOffset.UTC), new SimpleMeterRegistry()), props);
        final AvroSerde<ContactEvent> eventSerde = AvroSerde.of(ContactEvent.class);
        events = driver.createInputTopic(topics.contactEvents(), Serdes.String().serializer(), eventSerde);
        rerouted = driver.createOutputTopic(topics.contactEvents(), Serdes.String().deserializer(), eventSerde);
        enriched = driver.createOutputTopic(topics.enrichedContacts(), Serdes.String().deserializer(),
            AvroSerde.of(EnrichedContact.class));
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldReadEverythingOnceForAContactSeenForTheFirstTime() {
        events.pipeInput(FakeGhl.CONTACT, event("ContactCreate", FakeGhl.CONTACT, FakeGhl.CONTACT));

        final EnrichedContact contact = enriched.readValue();
        assertThat(contact.getId()).isEqualTo(FakeGhl.CONTACT);
        assertThat(contact.getEmail()).isEqualTo("jordan.blake@example.com");
        assertThat(contact.getTasks()).hasSize(2);
        assertThat(contact.getNotes()).hasSize(2);
        assertThat(contact.getAppointments()).hasSize(2);
        assertThat(contact.getSyncedAt()).isEqualTo(NOW);
        assertThat(ghl.calls).isEqualTo(Map.of("contact", 1, "tasks", 1, "notes", 1, "appointments", 1));
    }

    @Test
    void shouldReReadOnlyNotesForANoteEventOnAKnownContact() {
        events.pipeInput(FakeGhl.CONTACT, event("ContactCreate", FakeGhl.CONTACT, FakeGhl.CONTACT));
        enriched.readValue();

        events.pipeInput(FakeGhl.CONTACT, event("NoteCreate", FakeGhl.CONTACT, "XnvdRy6hR1XQatDmHYvT"));

        assertThat(enriched.readValue().getNotes()).hasSize(2);
        assertThat(ghl.calls).containsEntry("notes", 2).containsEntry("contact", 1).containsEntry("tasks", 1);
    }

    @Test
    void shouldReadAppointmentTimesWithoutOffsetInTheContactsZone() {
        events.pipeInput(FakeGhl.CONTACT, event("AppointmentUpdate", FakeGhl.CONTACT, "41SpqQZg2cL2UGM9KtPj"));

        assertThat(enriched.readValue().getAppointments().get(0).getStartTime())
            .isEqualTo(Instant.parse("2026-03-10T15:00:00Z"));
    }

    @Test
    void shouldWriteATombstoneWhenAContactIsDeleted() {
        events.pipeInput(FakeGhl.CONTACT, event("ContactCreate", FakeGhl.CONTACT, FakeGhl.CONTACT));
        enriched.readValue();

        events.pipeInput(FakeGhl.CONTACT, event("ContactDelete", FakeGhl.CONTACT, FakeGhl.CONTACT));

        final TestRecord<String, EnrichedContact> tombstone = enriched.readRecord();
        assertThat(tombstone.key()).isEqualTo(FakeGhl.CONTACT);
        assertThat(tombstone.value()).isNull();
    }

    @Test
    void shouldWriteATombstoneWhenGhlNoLongerHasTheContact() {
        ghl.contacts.clear();

        events.pipeInput(FakeGhl.CONTACT, event("ContactUpdate", FakeGhl.CONTACT, FakeGhl.CONTACT));

        assertThat(enriched.readRecord().value()).isNull();
    }

    @Test
    void shouldRouteATaskEventWithoutContactToItsContactsPartition() {
        events.pipeInput("LseOtJnlWlihbzdV8T2f", event("TaskCreate", null, "LseOtJnlWlihbzdV8T2f"));

        final TestRecord<String, ContactEvent> routed = rerouted.readRecord();
        assertThat(routed.key()).isEqualTo(FakeGhl.CONTACT);
        assertThat(routed.value().getContactId()).isEqualTo(FakeGhl.CONTACT);
        assertThat(enriched.readRecord().key()).isEqualTo(FakeGhl.CONTACT);
    }

    @Test
    void shouldSkipAppLifecycleEventsWithoutCallingGhl() {
        events.pipeInput(FakeGhl.LOCATION, event("INSTALL", null, null));

        assertThat(enriched.isEmpty()).isTrue();
        assertThat(ghl.totalCalls()).isZero();
    }

    private static ContactEvent event(final String type, final String contactId, final String entityId) {
        return ContactEvent.newBuilder()
            .setWebhookId(type + "-" + entityId)
            .setEventType(type)
            .setLocationId(FakeGhl.LOCATION)
            .setContactId(contactId)
            .setEntityId(entityId)
            .setReceivedAt(NOW)
            .setBody("{}")
            .build();
    }
}
