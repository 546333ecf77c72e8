package io.keepersync.backfill.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a compacted topic from its beginning to its current end ({@code read_committed}, no consumer group) and
 * keeps the latest value per key, dropping keys whose latest record is a tombstone. Blocks the calling thread.
 */
public final class LatestRecords {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    private LatestRecords() {
    }

    /**
     * The latest value per key of {@code topic}.
     *
     * @param kafka client properties, at least {@code bootstrap.servers}
     * @throws org.apache.kafka.common.KafkaException when the topic cannot be read to its end within 30 s
     */
    public static <V> Map<String, V> read(final Map<String, Object> kafka, final String topic,
                                          final Deserializer<V> values) {
        final Map<String, Object> properties = new HashMap<>(kafka);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), values)) {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            final Map<String, V> latest = new LinkedHashMap<>();
            final long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new org.apache.kafka.common.errors.TimeoutException("cannot read topic " + topic
                        + " to its end within " + TIMEOUT.toSeconds() + " s");
                }
                for (final ConsumerRecord<String, V> record : consumer.poll(POLL)) {
                    if (record.value() == null) {
                        latest.remove(record.key());
                    } else {
                        latest.put(record.key(), record.value());
                    }
                }
            }
            return latest;
        }
    }

    private static boolean reached(final KafkaConsumer<?, ?> consumer, final Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }
}
