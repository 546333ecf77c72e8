package io.keepersync.sink.consume;

import io.keepersync.schemas.EnrichedContact;
import io.keepersync.schemas.serde.AvroSerde;
import io.keepersync.sink.store.ContactChange;
import io.keepersync.sink.store.KeeperStore;
import io.keepersync.sink.store.StoreException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the enriched topic into the {@link KeeperStore} on a thread of its own.
 *
 * <p>The store, not Kafka, owns the progress: every poll's records and the consumer's new positions are
 * written in one atomic store batch, and on partition assignment the consumer seeks to the positions the
 * store holds (the beginning for partitions it has never seen). A restart therefore neither loses nor
 * repeats a record. Offsets are also committed to Kafka, asynchronously, only so that ordinary Kafka
 * tooling can show consumer lag.
 *
 * <p>A record that cannot be decoded is logged with its topic, partition and offset, counted in
 * {@code keeper.sink.records.skipped}, and stepped over. When the store refuses a write, the consumer
 * rewinds to the stored positions and tries again after a pause.
 */
public final class EnrichedContactConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichedContactConsumer.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration STORE_RETRY_PAUSE = Duration.ofSeconds(1);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, EnrichedContact> consumer;
    private final String topic;
    private final KeeperStore store;
    private final SinkMetrics metrics;
    private final Map<TopicPartition, Long> storedPositions = new HashMap<>();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    private EnrichedContactConsumer(final KafkaConsumer<String, EnrichedContact> consumer, final String topic,
        final KeeperStore store, final SinkMetrics metrics) {
        this.consumer = consumer;
        this.topic = topic;
        this.store = store;
        this.metrics = metrics;
        this.thread = new Thread(this::run, "keeper-sink-consumer");
    }

    /**
     * Creates the Kafka consumer and starts its thread; returns at once.
     *
     * @param kafkaProperties consumer properties, at least {@code bootstrap.servers}; the group id, offset
     *     handling and isolation level given here are overridden
     */
    public static EnrichedContactConsumer start(final Map<String, Object> kafkaProperties, final String groupId,
        final String topic, final KeeperStore store, final MeterRegistry registry) {
        final KafkaConsumer<String, EnrichedContact> consumer = new KafkaConsumer<>(
            ConsumerProperties.of(kafkaProperties, groupId), new StringDeserializer(),
            AvroSerde.of(EnrichedContact.class));
        final EnrichedContactConsumer started =
            new EnrichedContactConsumer(consumer, topic, store, new SinkMetrics(registry));
        started.thread.start();
        LOG.info("Enriched contact consumer started topic={} groupId={}", topic, groupId);
        return started;
    }

    /** Whether the consumer thread is still copying records (false once it stopped or failed). */
    public boolean isRunning() {
        return thread.isAlive() && running;
    }

    /** Stops the consumer thread and closes the Kafka consumer; blocks until both are done (at most 30 s). */
    @Override
    public void close() {
        running = false;
        stopRequested.countDown();
        consumer.wakeup();
        try {
            thread.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("Enriched contact consumer did not stop within {} topic={}", CLOSE_TIMEOUT, topic);
        }
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic), new SeekToStoredPositions());
            while (running) {
                pollOnce();
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("Enriched contact consumer woken up unexpectedly; stopping topic={}", topic, e);
            }
        } catch (RuntimeException e) {
            LOG.error("Enriched contact consumer failed and stops; restart the sink topic={}", topic, e);
        } finally {
            running = false;
            consumer.close();
            LOG.info("Enriched contact consumer stopped topic={}", topic);
        }
    }

    private void pollOnce() {
        final ConsumerRecords<String, EnrichedContact> records;
        try {
            records = consumer.poll(POLL_TIMEOUT);
        } catch (RecordDeserializationException e) {
            skipUndecodable(e);
            return;
        }
        final Map<TopicPartition, Long> positions = movedPositions();
        if (positions.isEmpty()) {
            return;
        }
        try {
            applyBatch(records, positions);
        } catch (StoreException e) {
            LOG.error("Keeper store refused a batch; rewinding to stored positions and retrying in {} topic={}",
                STORE_RETRY_PAUSE, topic, e);
            rewindAndPause();
        }
    }

    private void applyBatch(final ConsumerRecords<String, EnrichedContact> records,
        final Map<TopicPartition, Long> positions) {
        final List<ContactChange> changes = changesOf(records);

        store.apply(changes, positions);
        storedPositions.putAll(positions);

        metrics.applied(changes);
        commitToKafka(positions);
        LOG.debug("Applied batch records={} changes={} positions={}", records.count(), changes.size(), positions);
    }

    private List<ContactChange> changesOf(final ConsumerRecords<String, EnrichedContact> records) {
        final List<ContactChange> changes = new ArrayList<>(records.count());
        for (final ConsumerRecord<String, EnrichedContact> record : records) {
            final Optional<ContactChange> change = ContactChanges.of(record);
            if (change.isPresent()) {
                changes.add(change.get());
            } else {
                metrics.skippedTombstoneWithoutKey();
                LOG.warn("Skipped a tombstone without a key topic={} partition={} offset={}",
                    record.topic(), record.partition(), record.offset());
            }
        }
        return changes;
    }

    /**
     * The positions to store: each assigned partition's next offset, where it differs from what is stored.
     * Taking the consumer's position rather than the last record's offset also steps over the commit
     * markers of transactional writers and over skipped records, so a caught-up store holds the end offsets.
     */
    private Map<TopicPartition, Long> movedPositions() {
        final Map<TopicPartition, Long> moved = new HashMap<>();
        for (final TopicPartition partition : consumer.assignment()) {
            final long position = consumer.position(partition);
            if (position != storedPositions.getOrDefault(partition, -1L)) {
                moved.put(partition, position);
            }
        }
        return moved;
    }

    /** Steps over the record; the next poll stores the position past it with the records that follow. */
    private void skipUndecodable(final RecordDeserializationException e) {
        final TopicPartition partition = e.topicPartition();
        LOG.warn("Skipped a record that cannot be decoded topic={} partition={} offset={} origin={} reason={}",
            partition.topic(), partition.partition(), e.offset(), e.origin(), rootMessage(e));
        consumer.seek(partition, e.offset() + 1);
        metrics.skippedUndecodable();
    }

    private void commitToKafka(final Map<TopicPartition, Long> positions) {
        final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        positions.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
        consumer.commitAsync(offsets, (committed, error) -> {
            if (error != null) {
                LOG.debug("Kafka offset commit failed; the store still holds the progress topic={}", topic, error);
            }
        });
    }

    private void rewindAndPause() {
        seekToStoredPositions(consumer.assignment());
        try {
            stopRequested.await(STORE_RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void seekToStoredPositions(final Collection<TopicPartition> partitions) {
        final Map<TopicPartition, Long> stored = store.storedOffsets();
        final List<TopicPartition> unseen = new ArrayList<>();
        for (final TopicPartition partition : partitions) {
            final Long offset = stored.get(partition);
            if (offset == null) {
                unseen.add(partition);
            } else {
                consumer.seek(partition, offset);
                storedPositions.put(partition, offset);
            }
        }
        if (!unseen.isEmpty()) {
            // An empty list would mean "every assigned partition" to Kafka.
            consumer.seekToBeginning(unseen);
        }
        LOG.info("Resuming from the Keeper store's positions topic={} assigned={} fromBeginning={}",
            topic, partitions, unseen);
    }

    private static String rootMessage(final Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Seeks newly assigned partitions to the positions the store holds. Runs on the consumer thread. */
    private final class SeekToStoredPositions implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(final Collection<TopicPartition> partitions) {
            seekToStoredPositions(partitions);
        }

        @Override
        public void onPartitionsRevoked(final Collection<TopicPartition> partitions) {
            partitions.forEach(storedPositions::remove);
        }
    }
}
