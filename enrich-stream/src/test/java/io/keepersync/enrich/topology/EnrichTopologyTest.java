package io.keepersync.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepersync.enrich.reconcile.ReconcileEvents;
import io.keepersync.enrich.deadletter.DeadLetters;
import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.DeadLetter;
import io.keepersync.schemas.EnrichedContact;
import io.keepersync.schemas.KeeperEventTypes;
import io.keepersync.schemas.Topics;
import io.keepersync.schemas.serde.AvroSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrichTopologyTest {

    private static final Instant NOW = Instant.parse("2026-03-05T00:00:00Z");
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final Duration GIVE_UP_AFTER = Duration.ofHours(1);

    private final Topics topics = Topics.defaults();
    private final FakeGhl ghl = new FakeGhl();
    private TopologyTestDriver driver;
    private TestInputTopic<String, ContactEvent> events;
    private TestOutputTopic<String, EnrichedContact> enriched;
    private TestOutputTopic<String, ContactEvent> rerouted;
    private TestOutputTopic<String, String> locations;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeEach
    void startDriver() {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        final RefreshPolicy policy = RefreshPolicy.defaults().withTimings(QUIET, Duration.ofSeconds(5), Duration.ofSeconds(30))
            .withRetries(Duration.ofSeconds(30), Duration.ofMinutes(10), GIVE_UP_AFTER);
        driver = new TopologyTestDriver(
            EnrichTopology.build(topics, ghl, GhlCalls.direct(), policy, new SimpleMeterRegistry(),
                Stores::inMemoryKeyValueStore), props, NOW);
        final AvroSerde<ContactEvent> eventSerde = AvroSerde.of(ContactEvent.class);
        events = driver.createInputTopic(topics.contactEvents(), Serdes.String().serializer(), eventSerde);
        rerouted = driver.createOutputTopic(topics.contactEvents(), Serdes.String().deserializer(), eventSerde);
        enriched = driver.createOutputTopic(topics.enrichedContacts(), Serdes.String().deserializer(),
            AvroSerde.of(EnrichedContact.class));
        locations = driver.createOutputTopic(topics.locations(), Serdes.String().deserializer(),
            Serdes.String().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetters(), Serdes.String().deserializer(),
            AvroSerde.of(DeadLetter.class));
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldReadEverythingOnceForAContactFirstSeenThroughAnEventOtherThanItsCreation() {
        send("NoteCreate", FakeGhl.CONTACT, "XnvdRy6hR1XQatDmHYvT");
        quietPeriodPasses();

        final EnrichedContact contact = enriched.readValue();
        assertThat(contact.getEmail()).isEqualTo("jordan.blake@example.com");
        assertThat(contact.getTasks()).hasSize(2);
        assertThat(contact.getNotes()).hasSize(2);
        assertThat(contact.getAppointments()).hasSize(2);
        assertThat(ghl.calls).isEqualTo(Map.of("contact", 1, "tasks", 1, "notes", 1, "appointments", 1));
    }

    @Test
    void shouldReadOnlyTheContactOfABrandNewContact() {
        send("ContactCreate", FakeGhl.CONTACT, FakeGhl.CONTACT);
        quietPeriodPasses();

        assertThat(enriched.readValue().getTasks()).isEmpty();
        assertThat(ghl.calls).isEqualTo(Map.of("contact", 1));
    }

    @Test
    void shouldReadOnlyWhatTheEventsOfABrandNewContactAnnounce() {
        send("ContactCreate", FakeGhl.CONTACT, FakeGhl.CONTACT);
        send("NoteCreate", FakeGhl.CONTACT, "XnvdRy6hR1XQatDmHYvT");
        quietPeriodPasses();

        assertThat(enriched.readValue().getNotes()).hasSize(2);
        assertThat(ghl.calls).isEqualTo(Map.of("contact", 1, "notes", 1));
    }

    @Test
    void shouldReadEverythingWhenAContactsCreationArrivesAfterAnotherOfItsEvents() {
        send("NoteCreate", FakeGhl.CONTACT, "XnvdRy6hR1XQatDmHYvT");
        send("ContactCreate", FakeGhl.CONTACT, FakeGhl.CONTACT);
        quietPeriodPasses();

        assertThat(enriched.readValue().getTasks()).hasSize(2);
        assertThat(ghl.calls).isEqualTo(Map.of("contact", 1, "tasks", 1, "notes", 1, "appointments", 1));
    }

    @Test
    void shouldReReadOnlyNotesForANoteEventOnAKnownContact() {
        knownContact();

        send("NoteCreate", FakeGhl.CONTACT, "XnvdRy6hR1XQatDmHYvT");
        quietPeriodPasses();

        assertThat(enriched.readValue().getNotes()).hasSize(2);
        assertThat(ghl.calls).isEqualTo(Map.of("contact", 1, "notes", 1));
    }

    @Test
    void shouldSpendOneRefreshOnABurstOfEventsForOneContact() {
        knownContact();

        send("ContactUpdate", FakeGhl.CONTACT, FakeGhl.CONTACT);
        send("ContactTagUpdate", FakeGhl.CONTACT, FakeGhl.CONTACT);
        send("NoteCreate", FakeGhl.CONTACT, "n1");
        send("NoteUpdate", FakeGhl.CONTACT, "n1");
        send("TaskCreate", FakeGhl.CONTACT, "t1");
        quietPeriodPasses();

        assertThat(enriched.readValuesToList()).hasSize(1);
        assertThat(ghl.calls).isEqualTo(Map.of("contact", 2, "notes", 1, "tasks", 1));
    }

    @Test
    void shouldHaveNoSecondEffectForARepeatedWebhook() {
        knownContact();
        final ContactEvent update = event("ContactUpdate", FakeGhl.CONTACT, FakeGhl.CONTACT);

        events.pipeInput(FakeGhl.CONTACT, update);
        quietPeriodPasses();
        events.pipeInput(FakeGhl.CONTACT, update);
        quietPeriodPasses();

        assertThat(enriched.readValuesToList()).hasSize(1);
        assertThat(ghl.calls).containsEntry("contact", 2);
    }

    @Test
    void shouldReadAppointmentTimesWithoutOffsetInTheContactsZone() {
        send("AppointmentUpdate", FakeGhl.CONTACT, "41SpqQZg2cL2UGM9KtPj");
        quietPeriodPasses();

        assertThat(enriched.readValue().getAppointments().get(0).getStartTime())
            .isEqualTo(Instant.parse("2026-03-10T15:00:00Z"));
    }

    @Test
    void shouldWriteATombstoneWhenAContactIsDeleted() {
        knownContact();

        send("ContactDelete", FakeGhl.CONTACT, FakeGhl.CONTACT);
        quietPeriodPasses();

        final TestRecord<String, EnrichedContact> tombstone = enriched.readRecord();
        assertThat(tombstone.key()).isEqualTo(FakeGhl.CONTACT);
        assertThat(tombstone.value()).isNull();
    }

    @Test
    void shouldKeepADeletedContactDeletedWhenItsCreationArrivesLate() {
        ghl.contacts.clear();

        send("ContactDelete", FakeGhl.CONTACT, FakeGhl.CONTACT);
        quietPeriodPasses();
        send("ContactCreate", FakeGhl.CONTACT, FakeGhl.CONTACT);
        send("NoteCreate", FakeGhl.CONTACT, "n1");
        quietPeriodPasses();

        assertThat(enriched.readValuesToList()).containsOnlyNulls();
    }

    @Test
    void shouldSkipAReconciliationHintWhenTheContactHasNotChanged() {
        knownContact();
        final String sameAsStored = ghl.contacts.get(FakeGhl.CONTACT).toString();

        events.pipeInput(FakeGhl.CONTACT, ReconcileEvents.of(ReconcileEvents.CHANGED, "s1", FakeGhl.LOCATION,
            FakeGhl.CONTACT, sameAsStored, NOW));
        quietPeriodPasses();

        assertThat(enriched.isEmpty()).isTrue();
        assertThat(ghl.totalCalls()).isEqualTo(1);
    }

    @Test
    void shouldApplyAChangedContactFromTheSweepWithoutCallingGhl() {
        knownContact();
        final var changed = ghl.contacts.get(FakeGhl.CONTACT).deepCopy()
            .put("city", "Peoria").put("dateUpdated", "2026-03-04T08:00:00.000Z");

        events.pipeInput(FakeGhl.CONTACT, ReconcileEvents.of(ReconcileEvents.CHANGED, "s1", FakeGhl.LOCATION,
            FakeGhl.CONTACT, changed.toString(), NOW));
        quietPeriodPasses();

        assertThat(enriched.readValue().getCity()).isEqualTo("Peoria");
        assertThat(ghl.totalCalls()).isEqualTo(1);
    }

    @Test
    void shouldRetryARefreshGhlFailedUntilItSucceeds() {
        ghl.failuresToServe = 1;

        send("ContactCreate", FakeGhl.CONTACT, FakeGhl.CONTACT);
        quietPeriodPasses();
        assertThat(enriched.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(40));

        assertThat(enriched.readValue().getId()).isEqualTo(FakeGhl.CONTACT);
    }

    @Test
    void shouldKeepARefreshGhlRefusedAndRetryItOnceTheCauseIsFixed() {
        ghl.refuseWith401 = true;

        send("ContactCreate", FakeGhl.CONTACT, FakeGhl.CONTACT);
        quietPeriodPasses();
        assertThat(enriched.isEmpty()).isTrue();
        ghl.refuseWith401 = false;
        driver.advanceWallClockTime(Duration.ofMinutes(7));

        assertThat(enriched.readValue().getId()).isEqualTo(FakeGhl.CONTACT);
    }

    @Test
    void shouldDeadLetterARefreshGhlKeepsFailingPastTheBoundWithHeadersSayingWhy() {
        ghl.failuresToServe = Integer.MAX_VALUE;

        send("ContactCreate", FakeGhl.CONTACT, FakeGhl.CONTACT);
        quietPeriodPasses();
        for (int minute = 0; minute < 75 && deadLetters.isEmpty(); minute++) {
            driver.advanceWallClockTime(Duration.ofMinutes(1));
        }

        final TestRecord<String, DeadLetter> letter = deadLetters.readRecord();
        assertThat(letter.key()).isEqualTo(FakeGhl.CONTACT);
        assertThat(letter.value().getStatus()).isEqualTo(503);
        assertThat(letter.value().getAttempts()).isGreaterThan(3);
        assertThat(letter.value().getRefresh().getContact()).isTrue();
        assertThat(header(letter, DeadLetters.STATUS)).isEqualTo("503");
        assertThat(header(letter, DeadLetters.LOCATION_ID)).isEqualTo(FakeGhl.LOCATION);
        assertThat(header(letter, DeadLetters.REASON)).contains("503");
        assertThat(Duration.between(letter.value().getFirstFailedAt(), letter.value().getLastFailedAt()))
            .isGreaterThanOrEqualTo(GIVE_UP_AFTER);
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterAtOnceWhenGhlSaysTheRequestBreaksTheContract() {
        ghl.breakContract = true;

        send("ContactCreate", FakeGhl.CONTACT, FakeGhl.CONTACT);
        quietPeriodPasses();

        final DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getAttempts()).isEqualTo(1);
        assertThat(letter.getReason()).contains("version header");
        assertThat(ghl.totalCalls()).isEqualTo(1);
    }

    @Test
    void shouldReadEverythingAgainForARedrivenRefresh() {
        knownContact();

        events.pipeInput(FakeGhl.CONTACT, event(KeeperEventTypes.REDRIVE, FakeGhl.CONTACT, FakeGhl.CONTACT));
        quietPeriodPasses();

        assertThat(enriched.readValue().getNotes()).hasSize(2);
        assertThat(ghl.calls).isEqualTo(Map.of("contact", 2, "tasks", 1, "notes", 1, "appointments", 1));
    }

    @Test
    void shouldApplyABackfilledContactAndReadItsListsAtBackfillPriority() {
        final var found = ghl.contacts.get(FakeGhl.CONTACT).deepCopy();

        events.pipeInput(FakeGhl.CONTACT, backfill(found.toString()));
        quietPeriodPasses();

        final EnrichedContact contact = enriched.readValue();
        assertThat(contact.getEmail()).isEqualTo("jordan.blake@example.com");
        assertThat(contact.getNotes()).hasSize(2);
        assertThat(ghl.calls).doesNotContainKey("contact");
        assertThat(ghl.backfillCalls).isEqualTo(Map.of("tasks", 1, "notes", 1, "appointments", 1));
    }

    @Test
    void shouldNotLetAStaleBackfillReadOverwriteANewerLiveOne() {
        final var stale = ghl.contacts.get(FakeGhl.CONTACT).deepCopy()
            .put("city", "Stale City").put("dateUpdated", "2020-01-01T00:00:00.000Z");
        knownContact();

        events.pipeInput(FakeGhl.CONTACT, backfill(stale.toString()));
        quietPeriodPasses();

        assertThat(enriched.readValue().getCity()).isNotEqualTo("Stale City");
    }

    @Test
    void shouldLetALiveEventReadTheContactEvenWhenABackfillResultIsPending() {
        final var stale = ghl.contacts.get(FakeGhl.CONTACT).deepCopy().put("city", "Stale City");
        knownContact();

        events.pipeInput(FakeGhl.CONTACT, backfill(stale.toString()));
        send("ContactUpdate", FakeGhl.CONTACT, FakeGhl.CONTACT);
        quietPeriodPasses();

        assertThat(enriched.readValue().getCity()).isNotEqualTo("Stale City");
        assertThat(ghl.calls.get("contact")).isEqualTo(2);
        assertThat(ghl.backfillCalls).isEmpty();
    }

    @Test
    void shouldRouteATaskEventWithoutContactToItsContactsPartition() {
        events.pipeInput("LseOtJnlWlihbzdV8T2f", event("TaskCreate", null, "LseOtJnlWlihbzdV8T2f"));
        quietPeriodPasses();

        final TestRecord<String, ContactEvent> routed = rerouted.readRecord();
        assertThat(routed.key()).isEqualTo(FakeGhl.CONTACT);
        assertThat(routed.value().getContactId()).isEqualTo(FakeGhl.CONTACT);
        assertThat(enriched.readRecord().key()).isEqualTo(FakeGhl.CONTACT);
    }

    @Test
    void shouldSkipAppLifecycleEventsWithoutCallingGhl() {
        events.pipeInput(FakeGhl.LOCATION, event("INSTALL", null, null));
        quietPeriodPasses();

        assertThat(enriched.isEmpty()).isTrue();
        assertThat(ghl.totalCalls()).isZero();
    }

    @Test
    void shouldAnnounceEachLocationOnceForReconciliation() {
        send("ContactCreate", FakeGhl.CONTACT, FakeGhl.CONTACT);
        send("ContactUpdate", FakeGhl.CONTACT, FakeGhl.CONTACT);

        assertThat(locations.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value)
            .containsExactly(FakeGhl.LOCATION + "=active");
    }

    @Test
    void shouldStopSyncingALocationOnceItUninstalledTheApp() {
        events.pipeInput(FakeGhl.LOCATION, event("UNINSTALL", null, null));

        send("ContactCreate", FakeGhl.CONTACT, FakeGhl.CONTACT);
        quietPeriodPasses();

        assertThat(enriched.isEmpty()).isTrue();
        assertThat(ghl.totalCalls()).isZero();
    }

    @Test
    void shouldSyncALocationAgainOnceItReinstalledTheApp() {
        events.pipeInput(FakeGhl.LOCATION, event("UNINSTALL", null, null));
        events.pipeInput(FakeGhl.LOCATION, event("INSTALL", null, null));

        send("ContactCreate", FakeGhl.CONTACT, FakeGhl.CONTACT);
        quietPeriodPasses();

        assertThat(enriched.readValue().getId()).isEqualTo(FakeGhl.CONTACT);
    }

    private void knownContact() {
        send("ContactCreate", FakeGhl.CONTACT, FakeGhl.CONTACT);
        quietPeriodPasses();
        enriched.readValue();
    }

    private static String header(final TestRecord<String, DeadLetter> record, final String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }

    private static ContactEvent backfill(final String contactJson) {
        return ContactEvent.newBuilder(event(KeeperEventTypes.BACKFILL, FakeGhl.CONTACT, FakeGhl.CONTACT))
            .setBody(contactJson).build();
    }

    private void quietPeriodPasses() {
        driver.advanceWallClockTime(QUIET.multipliedBy(2));
    }

    private void send(final String type, final String contactId, final String entityId) {
        events.pipeInput(contactId, event(type, contactId, entityId));
    }

    private static int sequence;

    private static ContactEvent event(final String type, final String contactId, final String entityId) {
        return ContactEvent.newBuilder()
            .setWebhookId(type + "-" + entityId + "-" + (++sequence))
            .setEventType(type)
            .setLocationId(FakeGhl.LOCATION)
            .setContactId(contactId)
            .setEntityId(entityId)
            .setReceivedAt(NOW)
            .setBody("{}")
            .build();
    }
}
