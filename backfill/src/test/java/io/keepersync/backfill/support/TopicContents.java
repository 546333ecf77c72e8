package io.keepersync.backfill.support;

import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.serde.AvroSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Every committed event of the events topic, as a {@code read_committed} reader sees it. */
public final class TopicContents {

    private TopicContents() {
    }

    public static List<ContactEvent> committedEvents(final String bootstrap, final String topic) {
        try (KafkaConsumer<String, ContactEvent> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
            new StringDeserializer(), AvroSerde.of(ContactEvent.class))) {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            final List<ContactEvent> events = new ArrayList<>();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (final ConsumerRecord<String, ContactEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    events.add(record.value());
                }
            }
            return events;
        }
    }
}
