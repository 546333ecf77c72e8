package io.keepersync.bench.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Mean key and value sizes of the first records of a topic, so the producer ceiling sends records of that size. */
public final class RecordSizes {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final int EMPTY_POLLS_TO_STOP = 4;

    private RecordSizes() {
    }

    /**
     * Mean serialised sizes.
     *
     * @param records records read
     * @param meanKeyBytes mean key size
     * @param meanValueBytes mean value size
     */
    public record Sizes(long records, double meanKeyBytes, double meanValueBytes) {
    }

    /** Reads up to {@code limit} records from the start of every partition; blocks for at most a few seconds. */
    public static Sizes sample(final String bootstrapServers, final String topic, final int limit) {
        final Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        long count = 0;
        long keyBytes = 0;
        long valueBytes = 0;
        try (KafkaConsumer<byte[], byte[]> consumer =
                 new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            int emptyPolls = 0;
            while (count < limit && emptyPolls < EMPTY_POLLS_TO_STOP) {
                final var records = consumer.poll(POLL);
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                for (final ConsumerRecord<byte[], byte[]> record : records) {
                    count++;
                    keyBytes += record.key() == null ? 0 : record.key().length;
                    valueBytes += record.value() == null ? 0 : record.value().length;
                }
            }
        }
        return count == 0 ? new Sizes(0, 0, 0)
            : new Sizes(count, (double) keyBytes / count, (double) valueBytes / count);
    }
}
