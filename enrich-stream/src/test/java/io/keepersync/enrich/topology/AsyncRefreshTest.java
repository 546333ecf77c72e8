package io.keepersync.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.EnrichedContact;
import io.keepersync.schemas.Topics;
import io.keepersync.schemas.serde.AvroSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

/** Refreshes with GHL reads on their own threads, as in the running app: one location stuck, others not. */
class AsyncRefreshTest {

    private static final Instant NOW = Instant.parse("2026-03-05T00:00:00Z");
    private static final String STUCK_LOCATION = "stuckLocation000001";
    private static final String STUCK_CONTACT = "stuckContact0000001";

    private final Topics topics = Topics.defaults();
    private final FakeGhl fake = new FakeGhl();
    private final CountDownLatch stuckUntil = new CountDownLatch(1);
    private final AtomicInteger stuckReads = new AtomicInteger();
    private final GhlCalls calls = GhlCalls.pool(8, 2);
    private TopologyTestDriver driver;
    private TestInputTopic<String, ContactEvent> events;
    private TestOutputTopic<String, EnrichedContact> enriched;
    private final List<TestRecord<String, EnrichedContact>> written = new ArrayList<>();

    @BeforeEach
    void startDriver() {
        fake.contacts.put(STUCK_CONTACT, fake.contacts.get(FakeGhl.CONTACT).deepCopy().put("id", STUCK_CONTACT)
            .put("locationId", STUCK_LOCATION));
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-async-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        final RefreshPolicy policy = RefreshPolicy.defaults()
            .withTimings(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(1));
        driver = new TopologyTestDriver(EnrichTopology.build(topics, new StuckForOneLocation(), calls, policy,
            new SimpleMeterRegistry(), Stores::inMemoryKeyValueStore), props, NOW);
        final AvroSerde<ContactEvent> eventSerde = AvroSerde.of(ContactEvent.class);
        events = driver.createInputTopic(topics.contactEvents(), Serdes.String().serializer(), eventSerde);
        enriched = driver.createOutputTopic(topics.enrichedContacts(), Serdes.String().deserializer(),
            AvroSerde.of(EnrichedContact.class));
    }

    @AfterEach
    void close() {
        stuckUntil.countDown();
        driver.close();
        calls.close();
    }

    @Test
    void shouldSyncOtherLocationsWhileOneLocationsReadsHang() {
        send(STUCK_LOCATION, STUCK_CONTACT, "ContactCreate", 1);
        send(FakeGhl.LOCATION, FakeGhl.CONTACT, "ContactCreate", 2);

        awaitWritten(FakeGhl.CONTACT, 1);

        assertThat(written).extracting(TestRecord::key).containsExactly(FakeGhl.CONTACT);
        assertThat(calls.outstanding(STUCK_LOCATION)).isEqualTo(1);
    }

    @Test
    void shouldReadAgainWhenEventsCameWhileTheContactWasBeingRead() {
        send(STUCK_LOCATION, STUCK_CONTACT, "ContactCreate", 1);
        await().atMost(Duration.ofSeconds(10)).pollInSameThread().until(() -> {
            driver.advanceWallClockTime(Duration.ofMillis(100));
            return stuckReads.get() == 1;
        });
        send(STUCK_LOCATION, STUCK_CONTACT, "ContactUpdate", 2);

        stuckUntil.countDown();
        awaitWritten(STUCK_CONTACT, 2);

        assertThat(stuckReads.get()).isEqualTo(2);
        assertThat(calls.outstanding(STUCK_LOCATION)).isZero();
    }

    private void awaitWritten(final String contactId, final int times) {
        await().atMost(Duration.ofSeconds(10)).pollInSameThread().until(() -> {
            driver.advanceWallClockTime(Duration.ofMillis(100));
            written.addAll(enriched.readRecordsToList());
            return written.stream().filter(record -> record.key().equals(contactId)).count() >= times;
        });
    }

    private void send(final String locationId, final String contactId, final String type, final int sequence) {
        events.pipeInput(contactId, ContactEvent.newBuilder()
            .setWebhookId(type + "-" + contactId + "-" + sequence)
            .setEventType(type)
            .setLocationId(locationId)
            .setContactId(contactId)
            .setEntityId(contactId)
            .setReceivedAt(NOW)
            .setBody("{}")
            .build());
    }

    /** The fake GHL, except that reads of {@link #STUCK_LOCATION} hang until the test lets them go. */
    private final class StuckForOneLocation extends ForwardingGhl {

        StuckForOneLocation() {
            super(fake);
        }

        @Override
        public Optional<ObjectNode> contact(final String locationId, final String contactId) {
            if (STUCK_LOCATION.equals(locationId)) {
                stuckReads.incrementAndGet();
                try {
                    stuckUntil.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.contact(locationId, contactId);
        }
    }
}
