package io.keepersync.backfill.support;

import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.Topics;
import io.keepersync.schemas.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Stands in for enrichment: consumes the events topic in a consumer group ({@code read_committed}), drops repeated
 * webhook ids as enrichment does, writes one record per other event to the enriched topic, and commits.
 */
public final class FakeEnrichment implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final Topics topics;
    private final AvroSerde<ContactEvent> serde = AvroSerde.of(ContactEvent.class);
    private final Set<String> seen = new HashSet<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    private FakeEnrichment(final String bootstrap, final Topics topics, final String group) {
        this.topics = topics;
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
            new StringDeserializer(), new ByteArrayDeserializer());
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            new StringSerializer(), new ByteArraySerializer());
        this.thread = new Thread(this::loop, "fake-enrichment");
    }

    /** Starts consuming in group {@code group}. */
    public static FakeEnrichment start(final String bootstrap, final Topics topics, final String group) {
        final FakeEnrichment enrichment = new FakeEnrichment(bootstrap, topics, group);
        enrichment.thread.start();
        return enrichment;
    }

    private void loop() {
        try {
            consumer.subscribe(List.of(topics.contactEvents()));
            while (running.get()) {
                for (final ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    final ContactEvent event = serde.deserialize(record.topic(), record.value());
                    if (seen.add(event.getWebhookId())) {
                        producer.send(new ProducerRecord<>(topics.enrichedContacts(), event.getContactId(),
                            "enriched".getBytes(StandardCharsets.UTF_8)));
                    }
                }
                producer.flush();
                consumer.commitSync();
            }
        } catch (WakeupException stopping) {
            // close() asked to stop.
        } finally {
            consumer.close();
            producer.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        thread.join();
    }
}
