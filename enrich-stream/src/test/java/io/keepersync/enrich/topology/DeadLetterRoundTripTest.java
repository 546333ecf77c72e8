package io.keepersync.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keepersync.enrich.EnrichConfig;
import io.keepersync.enrich.EnrichmentApp;
import io.keepersync.enrich.deadletter.DeadLetterTopic;
import io.keepersync.kafka.SharedTestBroker;
import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.EnrichedContact;
import io.keepersync.schemas.Topics;
import io.keepersync.schemas.serde.AvroSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the embedded broker: GHL keeps failing, the refresh is dead-lettered, listed, and redriven. */
class DeadLetterRoundTripTest {

    @TempDir
    Path stateDir;

    @Test
    void shouldDeadLetterAFailingRefreshAndCompleteItOnRedrive() throws Exception {
        final Topics topics = SharedTestBroker.freshTopics("dlq-round-trip");
        final String bootstrap = SharedTestBroker.bootstrapServers();
        final FakeGhl ghl = new FakeGhl();
        ghl.failuresToServe = Integer.MAX_VALUE;
        final RefreshPolicy policy = RefreshPolicy.defaults()
            .withTimings(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMillis(100))
            .withRetries(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofSeconds(1));
        final EnrichConfig config = new EnrichConfig("dlq-round-trip-" + System.nanoTime(), bootstrap, topics, stateDir,
            1, policy, Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100));
        final DeadLetterTopic deadLetters = new DeadLetterTopic(bootstrap, topics, "dlq-round-trip-redrive");

        try (EnrichmentApp app = EnrichmentApp.start(config, ghl, new SimpleMeterRegistry());
             KafkaConsumer<String, EnrichedContact> enriched = enrichedReader(bootstrap, topics)) {
            send(bootstrap, topics, "ContactCreate");
            await().atMost(Duration.ofSeconds(60)).until(() -> !deadLetters.list(letter -> true).isEmpty());

            final var entry = deadLetters.list(letter -> true).get(0);
            assertThat(entry.letter().getContactId()).isEqualTo(FakeGhl.CONTACT);
            assertThat(entry.letter().getStatus()).isEqualTo(503);

            ghl.failuresToServe = 0;
            assertThat(deadLetters.redrive(letter -> true, false).sent()).isEqualTo(1);
            final List<String> written = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                enriched.poll(Duration.ofMillis(200)).forEach(record -> written.add(record.key()));
                return written.contains(FakeGhl.CONTACT);
            });
            assertThat(deadLetters.redrive(letter -> true, false).sent()).isZero();
        }
    }

    private static void send(final String bootstrap, final Topics topics, final String type) {
        final Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, ContactEvent> producer = new KafkaProducer<>(props, new StringSerializer(),
                AvroSerde.of(ContactEvent.class).serializer())) {
            producer.send(new ProducerRecord<>(topics.contactEvents(), FakeGhl.CONTACT, ContactEvent.newBuilder()
                .setWebhookId("wh-" + System.nanoTime())
                .setEventType(type)
                .setLocationId(FakeGhl.LOCATION)
                .setContactId(FakeGhl.CONTACT)
                .setEntityId(FakeGhl.CONTACT)
                .setReceivedAt(Instant.now())
                .setBody("{}")
                .build()));
        }
    }

    private static KafkaConsumer<String, EnrichedContact> enrichedReader(final String bootstrap, final Topics topics) {
        final Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-round-trip-reader-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        final KafkaConsumer<String, EnrichedContact> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
            AvroSerde.of(EnrichedContact.class).deserializer());
        consumer.subscribe(List.of(topics.enrichedContacts()));
        return consumer;
    }
}
