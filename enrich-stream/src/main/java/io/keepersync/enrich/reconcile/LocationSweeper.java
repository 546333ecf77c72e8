package io.keepersync.enrich.reconcile;

import io.keepersync.enrich.topology.LocationStates;
import io.keepersync.ghl.GhlApi;
import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.Topics;
import io.keepersync.schemas.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches what GHL's webhooks missed (PITFALLS 9): on its own thread, it periodically sweeps every
 * location enrichment has seen, publishes a reconciliation event per contact found onto the contact
 * events topic, and then stores its cursor in a compacted topic, so a restart resumes where it stood.
 * A crash between the two repeats part of a sweep, which enrichment absorbs (unchanged contacts cost nothing).
 */
public final class LocationSweeper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocationSweeper.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final SweepConfig config;
    private final Topics topics;
    private final ContactSweep sweep;
    private final KafkaConsumer<String, String> locationsConsumer;
    private final KafkaProducer<String, byte[]> producer;
    private final AvroSerde<ContactEvent> eventSerde = AvroSerde.of(ContactEvent.class);
    private final Set<String> locations = new LinkedHashSet<>();
    private final Set<String> uninstalled = new HashSet<>();
    private final Map<String, SweepCursor> cursors;
    private final ScheduledExecutorService scheduler;

    private LocationSweeper(final SweepConfig config, final Topics topics, final String bootstrapServers,
                            final GhlApi ghl) {
        this.config = config;
        this.topics = topics;
        this.sweep = new ContactSweep(ghl);
        this.cursors = readCursors(bootstrapServers, topics.sweepCursors());
        this.locationsConsumer = subscribeFromStart(bootstrapServers, topics.locations());
        this.producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            final Thread thread = new Thread(runnable, "location-sweeper");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts sweeping in the background; the first sweep runs one interval from now. */
    public static LocationSweeper start(final SweepConfig config, final Topics topics, final String bootstrapServers,
                                        final GhlApi ghl) {
        final LocationSweeper sweeper = new LocationSweeper(config, topics, bootstrapServers, ghl);
        final long every = config.interval().toMillis();
        sweeper.scheduler.scheduleWithFixedDelay(sweeper::sweepDueLocations, every, every, TimeUnit.MILLISECONDS);
        log.info("Reconciliation started intervalMs={} fullIntervalMs={} knownLocations={}",
            every, config.fullInterval().toMillis(), sweeper.cursors.size());
        return sweeper;
    }

    /** Sweeps every known location that is due now; runs on the caller's thread. */
    public synchronized void sweepDueLocations() {
        learnLocations();
        for (final String locationId : List.copyOf(locations)) {
            try {
                sweepLocation(locationId, Instant.now());
            } catch (RuntimeException e) {
                log.warn("Sweep failed; retried at the next interval locationId={} reason={}", locationId, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            locationsConsumer.close();
            producer.close(Duration.ofSeconds(10));
        }
    }

    private void sweepLocation(final String locationId, final Instant now) {
        // Cursors follow GHL's clock, never ours: a new location's first sweep starts from the beginning,
        // and costs GHL calls only for contacts enrichment has not seen in their current state.
        final SweepCursor cursor = cursors.getOrDefault(locationId, new SweepCursor(Instant.EPOCH, now));
        final boolean full = !cursor.lastFullSweep().plus(config.fullInterval()).isAfter(now);
        final Optional<Instant> since = full
            ? Optional.empty()
            : Optional.of(cursor.updatedSince().minus(config.overlap()).isBefore(Instant.EPOCH)
                ? Instant.EPOCH : cursor.updatedSince().minus(config.overlap()));
        final String sweepId = UUID.randomUUID().toString();
        final int[] published = {0};

        final Optional<Instant> newest = sweep.sweep(locationId, since, sweepId, now, event -> {
            producer.send(new ProducerRecord<>(topics.contactEvents(), event.getContactId(),
                eventSerde.serialize(topics.contactEvents(), event)));
            published[0]++;
        });
        if (full) {
            endFullSweep(locationId, sweepId, now);
        }
        producer.flush();

        final Instant updatedSince = newest.filter(cursor.updatedSince()::isBefore).orElse(cursor.updatedSince());
        final SweepCursor next = new SweepCursor(updatedSince, full ? now : cursor.lastFullSweep());
        producer.send(new ProducerRecord<>(topics.sweepCursors(), locationId, next.toJson().getBytes(StandardCharsets.UTF_8)));
        producer.flush();
        cursors.put(locationId, next);
        log.info("Swept location locationId={} full={} contactsFound={} cursor={}", locationId, full, published[0],
            updatedSince);
    }

    private void endFullSweep(final String locationId, final String sweepId, final Instant started) {
        final String topic = topics.contactEvents();
        producer.partitionsFor(topic).forEach(partition -> {
            final ContactEvent end = ReconcileEvents.end(sweepId, locationId, partition.partition(), started);
            producer.send(new ProducerRecord<>(topic, partition.partition(), locationId, eventSerde.serialize(topic, end)));
        });
    }

    private void learnLocations() {
        readToEnd(locationsConsumer, record -> {
            if (LocationStates.UNINSTALLED.equals(record.value())) {
                uninstalled.add(record.key());
            } else {
                uninstalled.remove(record.key());
                locations.add(record.key());
            }
        });
        locations.addAll(cursors.keySet());
        locations.removeAll(uninstalled);
    }

    private static KafkaConsumer<String, String> subscribeFromStart(final String bootstrapServers, final String topic) {
        final KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
        final List<TopicPartition> partitions = consumer.partitionsFor(topic, READ_TIMEOUT).stream()
            .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** Reads the cursor topic to its end: the last cursor per location. */
    private static Map<String, SweepCursor> readCursors(final String bootstrapServers, final String topic) {
        final Map<String, SweepCursor> latest = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = subscribeFromStart(bootstrapServers, topic)) {
            readToEnd(consumer, record -> {
                if (record.value() == null) {
                    latest.remove(record.key());
                } else {
                    latest.put(record.key(), SweepCursor.fromJson(record.value()));
                }
            });
        }
        return latest;
    }

    /** Polls until the consumer has read what its partitions held when called, or the read timeout passed. */
    private static void readToEnd(final KafkaConsumer<String, String> consumer,
                                  final java.util.function.Consumer<ConsumerRecord<String, String>> handle) {
        final Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), READ_TIMEOUT);
        final long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (!reached(consumer, end) && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(handle);
        }
    }

    private static boolean reached(final KafkaConsumer<String, String> consumer, final Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }
}
