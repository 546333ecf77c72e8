package io.keepersync.backfill.tracking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What enrichment has done with a backfill's events: which contacts' records appeared on the enriched topic
 * (read with {@code read_committed}, keys only, from given offsets on, without a consumer group), and how far
 * enrichment's consumer group has consumed the events topic. Calls block the calling thread; not thread-safe.
 */
public final class EnrichmentWatch implements AutoCloseable {

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Admin admin;
    private final String eventsTopic;
    private final String enrichmentGroup;

    private EnrichmentWatch(final KafkaConsumer<String, byte[]> consumer, final Admin admin, final String eventsTopic,
                            final String enrichmentGroup) {
        this.consumer = consumer;
        this.admin = admin;
        this.eventsTopic = eventsTopic;
        this.enrichmentGroup = enrichmentGroup;
    }

    /**
     * Starts watching.
     *
     * @param kafka client properties, at least {@code bootstrap.servers}
     * @param startOffsets per partition number of the enriched topic, the offset to read from; partitions not
     *     named start at their end (records written from now on)
     */
    public static EnrichmentWatch open(final Map<String, Object> kafka, final String enrichedTopic,
                                       final String eventsTopic, final String enrichmentGroup,
                                       final Map<Integer, Long> startOffsets) {
        final KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(kafka),
            new StringDeserializer(), new ByteArrayDeserializer());
        try {
            final List<TopicPartition> partitions = consumer.partitionsFor(enrichedTopic, KAFKA_TIMEOUT).stream()
                .map(info -> new TopicPartition(enrichedTopic, info.partition())).toList();
            consumer.assign(partitions);
            final List<TopicPartition> fromEnd = new ArrayList<>();
            for (final TopicPartition partition : partitions) {
                final Long offset = startOffsets.get(partition.partition());
                if (offset == null) {
                    fromEnd.add(partition);
                } else {
                    consumer.seek(partition, offset);
                }
            }
            if (!fromEnd.isEmpty()) {
                consumer.seekToEnd(fromEnd);
            }
            final Map<String, Object> adminProperties = new HashMap<>(kafka);
            adminProperties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
            return new EnrichmentWatch(consumer, Admin.create(adminProperties), eventsTopic, enrichmentGroup);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /**
     * Waits up to {@code timeout} for records of the enriched topic and returns the contact ids they name, a
     * tombstone's included. Keys are the contact id or {@code <locationId>:<contactId>}.
     */
    public List<String> poll(final Duration timeout) {
        final List<String> contactIds = new ArrayList<>();
        for (final ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            if (record.key() != null) {
                contactIds.add(record.key().substring(record.key().lastIndexOf(':') + 1));
            }
        }
        return contactIds;
    }

    /** Per partition number of the enriched topic, the next offset this watch reads. */
    public Map<Integer, Long> positions() {
        final Map<Integer, Long> positions = new HashMap<>();
        consumer.assignment().forEach(partition -> positions.put(partition.partition(), consumer.position(partition)));
        return positions;
    }

    /** Per partition number of the events topic, the offset enrichment's group has committed; empty before any. */
    public Map<Integer, Long> enrichmentCommitted() {
        try {
            final Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(enrichmentGroup)
                .partitionsToOffsetAndMetadata().get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            final Map<Integer, Long> offsets = new HashMap<>();
            committed.forEach((partition, offset) -> {
                if (offset != null && eventsTopic.equals(partition.topic())) {
                    offsets.put(partition.partition(), offset.offset());
                }
            });
            return offsets;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("cannot read the committed offsets of consumer group " + enrichmentGroup, e);
        }
    }

    /** Closes the consumer and the admin client; works on an interrupted thread too, keeping its interrupt. */
    @Override
    public void close() {
        final boolean interrupted = Thread.interrupted();
        try {
            consumer.close();
            admin.close(KAFKA_TIMEOUT);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Map<String, Object> consumerProperties(final Map<String, Object> kafka) {
        final Map<String, Object> properties = new HashMap<>(kafka);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return properties;
    }
}
