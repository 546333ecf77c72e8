package io.keepersync.enrich.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.keepersync.enrich.EnrichConfig;
import io.keepersync.enrich.EnrichmentApp;
import io.keepersync.enrich.deadletter.DeadLetterTopic;
import io.keepersync.enrich.topology.RefreshPolicy;
import io.keepersync.ghl.GhlClientConfig;
import io.keepersync.ghl.HttpGhlApi;
import io.keepersync.ghl.TokenProvider;
import io.keepersync.kafka.SharedTestBroker;
import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.EnrichedContact;
import io.keepersync.schemas.Topics;
import io.keepersync.schemas.serde.AvroSerde;
import io.keepersync.simulator.GhlSimulator;
import io.keepersync.simulator.SimulatorConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Enrichment against the GHL simulator over HTTP, on the shared embedded broker, with short timings: the
 * real client (rate budget, retries, token renewal), the real Streams app, and a view of what it wrote.
 * Events are produced straight onto the events topic, one per simulator change, as the gateway would.
 */
final class FaultHarness implements AutoCloseable {

    static final String SLOW = "faultLocationSlow001";
    static final String FINE = "faultLocationFine001";
    private static final AtomicLong SEQUENCE = new AtomicLong();

    final GhlSimulator ghl;
    final Topics topics;
    final DeadLetterTopic deadLetters;
    private final KafkaProducer<String, ContactEvent> producer;
    private final KafkaConsumer<String, EnrichedContact> reader;
    private final Map<String, EnrichedContact> written = new HashMap<>();
    private EnrichmentApp app;

    private FaultHarness(final GhlSimulator ghl, final Topics topics) {
        this.ghl = ghl;
        this.topics = topics;
        final String bootstrap = SharedTestBroker.bootstrapServers();
        this.deadLetters = new DeadLetterTopic(bootstrap, topics, topics.contactEvents() + "-redrive");
        final Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.producer = new KafkaProducer<>(producerProps, new StringSerializer(), AvroSerde.of(ContactEvent.class).serializer());
        final Properties readerProps = new Properties();
        readerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        readerProps.put(ConsumerConfig.GROUP_ID_CONFIG, topics.enrichedContacts() + "-reader");
        readerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        readerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.reader = new KafkaConsumer<>(readerProps, new StringDeserializer(), AvroSerde.of(EnrichedContact.class).deserializer());
        reader.subscribe(List.of(topics.enrichedContacts()));
    }

    /** A simulator serving {@link #SLOW} and {@link #FINE} without latency, and fresh topics. */
    static FaultHarness start(final String name) {
        final GhlSimulator ghl = GhlSimulator.start(SimulatorConfig.defaults().withoutLatency()
            .withLocationIds(List.of(SLOW, FINE)));
        return new FaultHarness(ghl, SharedTestBroker.freshTopics(name + "-" + SEQUENCE.incrementAndGet()));
    }

    /** Starts enrichment with the default token, retrying from 200 ms, dead-lettering after {@code giveUpAfter}. */
    FaultHarness enrich(final Path stateDir, final Duration giveUpAfter) {
        return enrich(stateDir, giveUpAfter, config -> new HttpGhlApi(config, TokenProvider.fixed(SimulatorConfig.DEFAULT_ACCESS_TOKEN),
            new SimpleMeterRegistry()));
    }

    /** Starts enrichment with a client made from the test's client settings. */
    FaultHarness enrich(final Path stateDir, final Duration giveUpAfter, final Function<GhlClientConfig, HttpGhlApi> client) {
        final GhlClientConfig config = GhlClientConfig.defaults().withBaseUrl(ghl.baseUrl())
            .withRequestTimeout(Duration.ofMillis(500)).withMaxAttempts(2)
            .withInitialBackoff(Duration.ofMillis(50)).withMaxBackoff(Duration.ofMillis(200))
            .withRateLimit(GhlClientConfig.defaults().rateLimit().withMaxWait(Duration.ofSeconds(2)));
        final RefreshPolicy policy = RefreshPolicy.defaults()
            .withTimings(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMillis(200))
            .withRetries(Duration.ofMillis(200), Duration.ofSeconds(1), giveUpAfter);
        app = EnrichmentApp.start(new EnrichConfig(topics.contactEvents() + "-enrich", SharedTestBroker.bootstrapServers(),
            topics, stateDir, 1, policy, Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100)), client.apply(config),
            new SimpleMeterRegistry());
        return this;
    }

    /** Creates {@code count} contacts in the location, each with a note, and sends their events. */
    List<String> createContactsWithNotes(final String locationId, final int count) {
        final List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            final String contactId = ghl.createContact(locationId);
            send("ContactCreate", locationId, contactId);
            ghl.createNote(contactId);
            send("NoteCreate", locationId, contactId);
            ids.add(contactId);
        }
        producer.flush();
        return ids;
    }

    private void send(final String type, final String locationId, final String contactId) {
        producer.send(new ProducerRecord<>(topics.contactEvents(), contactId, ContactEvent.newBuilder()
            .setWebhookId("fault-" + SEQUENCE.incrementAndGet())
            .setEventType(type)
            .setLocationId(locationId)
            .setContactId(contactId)
            .setEntityId(contactId)
            .setReceivedAt(Instant.now())
            .setBody("{}")
            .build()));
    }

    /**
     * Whether every one of {@code contactIds} is written as GHL has it now: the contact, and as many notes
     * as GHL has. Reads what enrichment wrote since the last call first.
     */
    boolean inStore(final List<String> contactIds) {
        reader.poll(Duration.ofMillis(100)).forEach(record -> written.put(record.key(), record.value()));
        return contactIds.stream().allMatch(this::matchesTruth);
    }

    /** How many of {@code contactIds} were written at all. */
    long writtenOf(final List<String> contactIds) {
        reader.poll(Duration.ofMillis(100)).forEach(record -> written.put(record.key(), record.value()));
        return contactIds.stream().filter(written::containsKey).count();
    }

    private boolean matchesTruth(final String contactId) {
        final EnrichedContact kept = written.get(contactId);
        return kept != null && ghl.truthOf(contactId).map(truth -> {
            final JsonNode email = truth.path("contact").path("email");
            return Objects.equals(email.isTextual() ? email.asText() : null, kept.getEmail())
                && truth.path("notes").size() == kept.getNotes().size();
        }).orElse(false);
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
        reader.close();
        producer.close();
        ghl.close();
    }
}
