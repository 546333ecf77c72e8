package io.keepersync.gateway.support;

import static org.awaitility.Awaitility.await;

import io.keepersync.kafka.SharedTestBroker;
import io.keepersync.schemas.serde.AvroSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic of the shared test broker from the beginning and remembers every record seen. */
public final class TopicReader<T extends SpecificRecord> implements AutoCloseable {

    private final KafkaConsumer<String, T> consumer;
    private final List<ConsumerRecord<String, T>> seen = new ArrayList<>();

    public TopicReader(final String topic, final Class<T> type) {
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            SharedTestBroker.bootstrapServers()), new StringDeserializer(), AvroSerde.of(type));
        final List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
            .map(info -> new TopicPartition(topic, info.partition()))
            .collect(Collectors.toList());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls until a record whose value matches arrives (at most 20 s) and returns it. */
    public ConsumerRecord<String, T> awaitRecord(final Predicate<T> match) {
        await().atMost(Duration.ofSeconds(20)).pollInSameThread().pollInterval(Duration.ofMillis(20))
            .until(() -> pollAndFind(match).isPresent());
        return find(match).orElseThrow();
    }

    private Optional<ConsumerRecord<String, T>> pollAndFind(final Predicate<T> match) {
        consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        return find(match);
    }

    private Optional<ConsumerRecord<String, T>> find(final Predicate<T> match) {
        return seen.stream().filter(record -> match.test(record.value())).findFirst();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
