package io.keepersync.sink.rebuild;

import io.keepersync.schemas.EnrichedContact;
import io.keepersync.schemas.serde.AvroSerde;
import io.keepersync.sink.SinkConfig;
import io.keepersync.sink.consume.ContactChanges;
import io.keepersync.sink.store.ContactChange;
import io.keepersync.sink.store.KeeperStore;
import io.keepersync.sink.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recreates the Keeper store from the compacted enriched topic alone, with no call to GHL: the topic keeps the
 * latest record of every contact, which is all the store holds.
 *
 * <p>The new store is built beside the old one, from the topic's beginning up to the end offsets taken when the
 * rebuild starts, each poll's changes written together with the positions reached (as the sink itself does), so
 * the sink started afterwards continues from exactly there. Only then does it replace the old store; a rebuild
 * that fails or is killed leaves the old store as it was. The sink must not run meanwhile: the rebuild holds the
 * old store's lock (a running sink makes it fail at once) and refuses when the sink's consumer group has members.
 * The group's committed offsets are set to the new positions, so Kafka's tools show the sink's lag correctly.
 *
 * <p>Blocks the calling thread until done.
 */
public final class StoreRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(StoreRebuild.class);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(500);
    /** A rebuild that reads nothing for this long while short of the end offsets gives up. */
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

    private StoreRebuild() {
    }

    /**
     * Rebuilds {@link SinkConfig#storeDir()} from {@code config}'s enriched topic.
     *
     * @throws StoreException when the store is in use or cannot be written
     * @throws IllegalStateException when the sink's consumer group has active members
     * @throws KafkaException when Kafka cannot be read
     */
    public static RebuildResult rebuild(final SinkConfig config) {
        final String topic = config.topics().enrichedContacts();
        requireIdleGroup(config);
        final Path storeDir = config.storeDir();
        final Path fresh = storeDir.resolveSibling(storeDir.getFileName() + ".rebuild");
        LOG.info("Rebuilding the Keeper store from the enriched topic topic={} store={}", topic, storeDir);

        final RebuildResult result;
        try (KeeperStore current = KeeperStore.open(storeDir)) {
            deleteRecursively(fresh);
            try (KeeperStore rebuilt = KeeperStore.open(fresh)) {
                result = copyTopic(config, topic, rebuilt);
            }
            LOG.info("Replacing the Keeper store previousContacts={} rebuiltContacts={}", current.count(),
                result.contacts());
        }
        replace(storeDir, fresh);
        commitGroupOffsets(config, result.offsets());
        LOG.info("Keeper store rebuilt topic={} records={} skipped={} contacts={}", topic, result.recordsRead(),
            result.recordsSkipped(), result.contacts());
        return result;
    }

    private static RebuildResult copyTopic(final SinkConfig config, final String topic, final KeeperStore store) {
        try (KafkaConsumer<String, EnrichedContact> consumer = new KafkaConsumer<>(readerProperties(config),
            new StringDeserializer(), AvroSerde.of(EnrichedContact.class))) {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic, KAFKA_TIMEOUT).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions, KAFKA_TIMEOUT);
            long read = 0;
            long skipped = 0;
            long lastProgress = System.nanoTime();
            boolean first = true;
            while (first || !reached(consumer, end)) {
                first = false;
                try {
                    final ConsumerRecords<String, EnrichedContact> records = consumer.poll(POLL);
                    store.apply(changesOf(records, end), positions(consumer, end));
                    read += records.count();
                    if (!records.isEmpty()) {
                        lastProgress = System.nanoTime();
                    } else if (System.nanoTime() - lastProgress > STALL_TIMEOUT.toNanos()) {
                        throw new KafkaException("the enriched topic " + topic + " could not be read to its end "
                            + end + "; nothing arrived for " + STALL_TIMEOUT.toSeconds() + " s");
                    }
                } catch (RecordDeserializationException e) {
                    LOG.warn("Skipped a record that cannot be decoded topic={} partition={} offset={}",
                        e.topicPartition().topic(), e.topicPartition().partition(), e.offset());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                    skipped++;
                }
            }
            return new RebuildResult(read, skipped, store.count(), store.storedOffsets());
        }
    }

    /** Changes of the records below the end offsets; records written after the rebuild began wait for the sink. */
    private static List<ContactChange> changesOf(final ConsumerRecords<String, EnrichedContact> records,
                                                 final Map<TopicPartition, Long> end) {
        final List<ContactChange> changes = new ArrayList<>(records.count());
        for (final ConsumerRecord<String, EnrichedContact> record : records) {
            if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                ContactChanges.of(record).ifPresent(changes::add);
            }
        }
        return changes;
    }

    /** Each partition's position, capped at its end offset, so the store never claims records it skipped. */
    private static Map<TopicPartition, Long> positions(final KafkaConsumer<?, ?> consumer,
                                                       final Map<TopicPartition, Long> end) {
        final Map<TopicPartition, Long> positions = new HashMap<>();
        end.forEach((partition, last) -> positions.put(partition, Math.min(consumer.position(partition), last)));
        return positions;
    }

    private static boolean reached(final KafkaConsumer<?, ?> consumer, final Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }

    private static void requireIdleGroup(final SinkConfig config) {
        try (Admin admin = Admin.create(config.kafka())) {
            final ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(config.groupId()))
                .describedGroups().get(config.groupId()).get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!group.members().isEmpty()) {
                throw new IllegalStateException("the sink's consumer group " + config.groupId() + " has "
                    + group.members().size() + " active member(s); stop the sink before rebuilding its store");
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw new KafkaException("cannot describe consumer group " + config.groupId(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while describing consumer group " + config.groupId(), e);
        } catch (TimeoutException e) {
            throw new KafkaException("Kafka did not describe consumer group " + config.groupId() + " within "
                + KAFKA_TIMEOUT.toSeconds() + " s", e);
        }
    }

    /** Informational only (the store holds the positions); a failure is logged, not thrown. */
    private static void commitGroupOffsets(final SinkConfig config, final Map<TopicPartition, Long> offsets) {
        final Map<String, Object> properties = readerProperties(config);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
            new ByteArrayDeserializer())) {
            final Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
            offsets.forEach((partition, offset) -> commits.put(partition, new OffsetAndMetadata(offset)));
            consumer.commitSync(commits, KAFKA_TIMEOUT);
        } catch (KafkaException e) {
            LOG.warn("Could not set the offsets of consumer group {}; the store holds its positions anyway reason={}",
                config.groupId(), e.getMessage());
        }
    }

    private static Map<String, Object> readerProperties(final SinkConfig config) {
        final Map<String, Object> properties = new HashMap<>(config.kafka());
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return properties;
    }

    /** Puts the rebuilt store in place of the old one; the old one is removed only once the new one is there. */
    private static void replace(final Path storeDir, final Path fresh) {
        final Path old = storeDir.resolveSibling(storeDir.getFileName() + ".old");
        try {
            deleteRecursively(old);
            if (Files.exists(storeDir)) {
                Files.move(storeDir, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(fresh, storeDir, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the rebuilt store " + fresh + " in place of " + storeDir, e);
        }
    }

    private static void deleteRecursively(final Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
