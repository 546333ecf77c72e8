package io.keepersync.bench.sink;

import io.keepersync.schemas.EnrichedContact;
import io.keepersync.schemas.serde.AvroSerde;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The sink's ceilings: a plain {@link KafkaConsumer} with the sink's read settings (its own group,
 * {@code read_committed}, from the earliest offset) that only counts the records it reads, or that also
 * decodes each value from Avro as the sink does, without storing anything.
 */
final class BareConsumer {

    private static final Duration POLL = Duration.ofMillis(100);

    private BareConsumer() {
    }

    /**
     * Reads until {@code expected} records arrived or {@code timeout} passed; blocks the caller.
     *
     * @param decode whether to decode each value into an {@link EnrichedContact}
     */
    static Throughput read(final String bootstrapServers, final String topic, final String groupId,
                           final long expected, final Duration timeout, final boolean decode) {
        final AvroSerde<EnrichedContact> serde = AvroSerde.of(EnrichedContact.class);
        final Map<String, Object> config = Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG, groupId,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        final long started = System.nanoTime();
        final long deadline = started + timeout.toNanos();
        final Throughput.Clock clock = new Throughput.Clock(started);
        try (KafkaConsumer<byte[], byte[]> consumer =
                 new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long count = 0;
            while (count < expected && System.nanoTime() < deadline) {
                final ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                if (decode) {
                    records.forEach(record -> serde.deserialize(topic, record.value()));
                }
                count += records.count();
                clock.observe(count);
            }
        }
        return clock.throughput(expected);
    }
}
