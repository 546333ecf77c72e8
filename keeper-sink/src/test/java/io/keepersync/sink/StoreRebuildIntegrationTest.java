package io.keepersync.sink;

import static io.keepersync.sink.TestContacts.contact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.keepersync.kafka.SharedTestBroker;
import io.keepersync.schemas.EnrichedContact;
import io.keepersync.schemas.Topics;
import io.keepersync.schemas.serde.AvroSerde;
import io.keepersync.sink.rebuild.RebuildResult;
import io.keepersync.sink.rebuild.StoreRebuild;
import io.keepersync.sink.store.ContactChange;
import io.keepersync.sink.store.KeeperStore;
import io.keepersync.sink.store.StoreException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code keeper sink rebuild}'s library part: the store recreated from the compacted enriched topic alone. */
@Tag("integration")
@Timeout(90)
class StoreRebuildIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final List<String> IDS = List.of("c1", "c2", "c3", "c4", "c5", "c6");

    @TempDir
    Path dataDir;

    @Test
    void shouldRecreateTheSameStoreFromTheTopicAloneAndLetTheSinkContinueFromItsEnd() throws Exception {
        final Topics topics = SharedTestBroker.freshTopics("rebuild");
        final SinkConfig config = configFor(topics);
        produce(topics, List.of(upsert(contact("c1", "locA")), upsert(contact("c2", "locA")),
            upsert(contact("c3", "locB")), upsert(contact("c4", "locA")), upsert(contact("c5", "locB")),
            tombstone("c2"), upsert(TestContacts.builder("c1", "locA").setFirstName("Renamed").build()),
            upsert(contact("c6", "locB"))));
        final Map<String, Optional<EnrichedContact>> before;
        try (KeeperSink sink = KeeperSink.start(config)) {
            await().atMost(PATIENCE).until(() -> sink.store().storedOffsets().equals(endOffsets(topics)));
            before = contents(sink.store());
        }
        strayContactIn(config);

        final RebuildResult result = StoreRebuild.rebuild(config);

        assertThat(result.offsets()).isEqualTo(endOffsets(topics));
        assertThat(result.contacts()).isEqualTo(5);
        try (KeeperStore rebuilt = KeeperStore.open(config.storeDir())) {
            assertThat(contents(rebuilt)).isEqualTo(before);
            assertThat(rebuilt.get("stray")).isEmpty();
            assertThat(rebuilt.count()).isEqualTo(5);
            assertThat(rebuilt.storedOffsets()).isEqualTo(endOffsets(topics));
        }
        assertThat(committedOffsets(config)).isEqualTo(endOffsets(topics));
        final MeterRegistry registry = new SimpleMeterRegistry();
        try (KeeperSink sink = KeeperSink.start(config, registry)) {
            produce(topics, List.of(upsert(contact("c7", "locA"))));
            await().atMost(PATIENCE).until(() -> sink.store().get("c7").isPresent());
            assertThat(registry.get("keeper.sink.records.applied").tag("change", "upsert").counter().count())
                .isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseToRebuildWhileTheSinkRuns() {
        final Topics topics = SharedTestBroker.freshTopics("rebuild-busy");
        final SinkConfig config = configFor(topics);

        try (KeeperSink sink = KeeperSink.start(config)) {
            await().atMost(PATIENCE).until(() -> sink.store().storedOffsets().equals(endOffsets(topics)));

            assertThatThrownBy(() -> StoreRebuild.rebuild(config))
                .isInstanceOfAny(StoreException.class, IllegalStateException.class);
            assertThat(sink.isConsuming()).isTrue();
        }
    }

    private SinkConfig configFor(final Topics topics) {
        return SinkConfig.of(dataDir, SharedTestBroker.bootstrapServers(), Set.of("key"))
            .withTopics(topics)
            .withGroupId(topics.enrichedContacts() + ".sink");
    }

    /** A contact the topic never had, written straight into the store, as a damaged store might hold. */
    private static void strayContactIn(final SinkConfig config) {
        try (KeeperStore store = KeeperStore.open(config.storeDir())) {
            store.apply(List.of(ContactChange.upsert(contact("stray", "locA"))), Map.of());
        }
    }

    private static Map<String, Optional<EnrichedContact>> contents(final KeeperStore store) {
        final Map<String, Optional<EnrichedContact>> contents = new HashMap<>();
        IDS.forEach(id -> contents.put(id, store.get(id)));
        return contents;
    }

    private static ProducerRecord<String, EnrichedContact> upsert(final EnrichedContact contact) {
        return new ProducerRecord<>("", contact.getId(), contact);
    }

    private static ProducerRecord<String, EnrichedContact> tombstone(final String key) {
        return new ProducerRecord<>("", key, null);
    }

    private static void produce(final Topics topics, final List<ProducerRecord<String, EnrichedContact>> records) {
        try (KafkaProducer<String, EnrichedContact> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestBroker.bootstrapServers(),
            ProducerConfig.TRANSACTIONAL_ID_CONFIG, "rebuild-test-" + topics.enrichedContacts()),
            new StringSerializer(), AvroSerde.of(EnrichedContact.class))) {
            producer.initTransactions();
            producer.beginTransaction();
            records.forEach(record -> producer.send(
                new ProducerRecord<>(topics.enrichedContacts(), record.key(), record.value())));
            producer.commitTransaction();
        }
    }

    private static Map<TopicPartition, Long> endOffsets(final Topics topics) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedTestBroker.bootstrapServers()))) {
            final Map<TopicPartition, OffsetSpec> request = Map.of(
                new TopicPartition(topics.enrichedContacts(), 0), OffsetSpec.latest(),
                new TopicPartition(topics.enrichedContacts(), 1), OffsetSpec.latest());
            return admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        }
    }

    private static Map<TopicPartition, Long> committedOffsets(final SinkConfig config) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedTestBroker.bootstrapServers()))) {
            final Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(config.groupId())
                .partitionsToOffsetAndMetadata().get();
            return committed.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        }
    }
}
