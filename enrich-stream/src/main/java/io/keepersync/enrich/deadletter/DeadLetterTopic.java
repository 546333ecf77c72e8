package io.keepersync.enrich.deadletter;

import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.DeadLetter;
import io.keepersync.schemas.KeeperEventTypes;
import io.keepersync.schemas.Topics;
import io.keepersync.schemas.serde.AvroSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator access to the dead-letter topic: list what is in it, and redrive it, i.e. send each dead letter
 * through enrichment again as a {@link KeeperEventTypes#REDRIVE} event that re-reads the whole contact.
 *
 * <p>Redrive remembers how far it got in the consumer group {@code <prefix>keeper-dlq-redrive}, so a second
 * redrive only sends what was dead-lettered since. A redriven letter's event id is derived from the letter's
 * position, so sending one twice (a crash between sending and remembering) costs nothing downstream.
 */
public final class DeadLetterTopic {

    /** Consumer group that remembers which dead letters were redriven, before the deployment's topic prefix. */
    public static final String REDRIVE_GROUP = "keeper-dlq-redrive";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterTopic.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final Topics topics;
    private final String redriveGroup;

    public DeadLetterTopic(final String bootstrapServers, final Topics topics, final String redriveGroup) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.redriveGroup = redriveGroup;
    }

    /** One dead letter and where it sits in the topic. */
    public record Entry(int partition, long offset, Instant writtenAt, DeadLetter letter) {
    }

    /** What a redrive did. */
    public record Redrive(int sent, int skipped) {
    }

    /** The dead letters now in the topic that {@code filter} accepts, oldest first per partition. */
    public List<Entry> list(final Predicate<DeadLetter> filter) {
        try (KafkaConsumer<String, DeadLetter> consumer = consumer(Optional.empty())) {
            final List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final List<Entry> entries = new ArrayList<>();
            readToEnd(consumer, partitions, record -> {
                if (record.value() != null && filter.test(record.value())) {
                    entries.add(entry(record));
                }
            });
            return entries;
        }
    }

    /**
     * Sends every dead letter not redriven before (all of them with {@code fromStart}) that {@code filter}
     * accepts back through enrichment. The group's position moves on only when nothing was filtered out, so
     * letters skipped by a filter are still there for a later redrive.
     */
    public Redrive redrive(final Predicate<DeadLetter> filter, final boolean fromStart) {
        final Map<TopicPartition, OffsetAndMetadata> reached = new HashMap<>();
        int sent = 0;
        int skipped = 0;
        try (KafkaConsumer<String, DeadLetter> consumer = consumer(Optional.of(redriveGroup));
             KafkaProducer<String, ContactEvent> producer = producer()) {
            final List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            if (fromStart) {
                consumer.seekToBeginning(partitions);
            }
            final List<ConsumerRecord<String, DeadLetter>> letters = new ArrayList<>();
            readToEnd(consumer, partitions, letters::add);
            for (final ConsumerRecord<String, DeadLetter> record : letters) {
                reached.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                if (record.value() == null || !filter.test(record.value())) {
                    skipped++;
                    continue;
                }
                producer.send(new ProducerRecord<>(topics.contactEvents(), record.value().getContactId(), event(record)));
                sent++;
            }
            producer.flush();
            if (skipped == 0 && !reached.isEmpty()) {
                consumer.commitSync(reached);
            }
        }
        log.info("Dead letters redriven sent={} skipped={}", sent, skipped);
        return new Redrive(sent, skipped);
    }

    /** The redrive event for one dead letter; its id is the letter's position. */
    static ContactEvent event(final ConsumerRecord<String, DeadLetter> record) {
        final DeadLetter letter = record.value();
        final Instant now = Instant.now();
        return ContactEvent.newBuilder()
            .setWebhookId(KeeperEventTypes.REDRIVE + ":" + record.partition() + ":" + record.offset())
            .setEventType(KeeperEventTypes.REDRIVE)
            .setLocationId(letter.getLocationId())
            .setContactId(letter.getContactId())
            .setEntityId(letter.getContactId())
            .setOccurredAt(now)
            .setReceivedAt(now)
            .setBody("{}")
            .build();
    }

    private static Entry entry(final ConsumerRecord<String, DeadLetter> record) {
        return new Entry(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()), record.value());
    }

    private void readToEnd(final KafkaConsumer<String, DeadLetter> consumer, final List<TopicPartition> partitions,
                           final Consumer<ConsumerRecord<String, DeadLetter>> each) {
        final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        final long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (!reachedEnd(consumer, ends)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topics.deadLetters() + " to its end within "
                    + READ_TIMEOUT.toSeconds() + " s");
            }
            consumer.poll(POLL).forEach(each);
        }
    }

    private static boolean reachedEnd(final KafkaConsumer<String, DeadLetter> consumer, final Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private List<TopicPartition> partitions(final KafkaConsumer<String, DeadLetter> consumer) {
        final var infos = consumer.partitionsFor(topics.deadLetters());
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topics.deadLetters() + " does not exist; is this the right cluster?");
        }
        return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private KafkaConsumer<String, DeadLetter> consumer(final Optional<String> group) {
        final Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        group.ifPresent(id -> props.put(ConsumerConfig.GROUP_ID_CONFIG, id));
        return new KafkaConsumer<>(props, new StringDeserializer(), AvroSerde.of(DeadLetter.class).deserializer());
    }

    private KafkaProducer<String, ContactEvent> producer() {
        final Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(props, new StringSerializer(), AvroSerde.of(ContactEvent.class).serializer());
    }
}
