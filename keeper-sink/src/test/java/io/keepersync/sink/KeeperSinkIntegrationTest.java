package io.keepersync.sink;

import static io.keepersync.sink.TestContacts.contact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keepersync.kafka.SharedTestBroker;
import io.keepersync.schemas.EnrichedContact;
import io.keepersync.schemas.Topics;
import io.keepersync.schemas.serde.AvroSerde;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
@Timeout(60)
class KeeperSinkIntegrationTest {

    private static final String KEY = "integration-key";
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void shouldServeProducedContactsAndResumeAfterARestartWithoutLossOrDuplicates() throws Exception {
        final Topics topics = SharedTestBroker.freshTopics("sink-restart");
        final SinkConfig config = configFor(topics);
        produce(topics, List.of(upsert(contact("c1", "locA")), upsert(contact("c2", "locA")),
            upsert(contact("c3", "locA")), upsert(contact("c4", "locA")), upsert(contact("c5", "locB")),
            tombstone("locA:c2")));

        try (KeeperSink sink = KeeperSink.start(config)) {
            await().atMost(PATIENCE).until(() -> sink.store().count() == 4 && sink.store().get("c2").isEmpty());

            assertThat(listedIds(sink, "locA")).containsExactly("c1", "c3", "c4");
            assertThat(getContact(sink, "c5").get("locationId").asText()).isEqualTo("locB");
            assertThat(status(sink, "/contacts/c2")).isEqualTo(404);
        }
        produce(topics, List.of(upsert(TestContacts.builder("c1", "locA").setFirstName("Renamed").build()),
            upsert(contact("c6", "locA")), tombstone("c3")));

        final MeterRegistry registry = new SimpleMeterRegistry();
        try (KeeperSink sink = KeeperSink.start(config, registry)) {
            await().atMost(PATIENCE).until(() -> sink.store().storedOffsets().equals(endOffsets(topics)));

            assertThat(listedIds(sink, "locA")).containsExactly("c1", "c4", "c6");
            assertThat(getContact(sink, "c1").get("firstName").asText()).isEqualTo("Renamed");
            assertThat(sink.store().count()).isEqualTo(4);
            assertThat(applied(registry, "upsert")).isEqualTo(2);
            assertThat(applied(registry, "delete")).isEqualTo(1);
        }
    }

    @Test
    void shouldStepOverARecordThatCannotBeDecoded() throws Exception {
        final Topics topics = SharedTestBroker.freshTopics("sink-undecodable");
        produceRaw(topics.enrichedContacts(), "bad", "not avro".getBytes(StandardCharsets.UTF_8));
        produce(topics, List.of(new ProducerRecord<>(topics.enrichedContacts(), 0, "c1", contact("c1", "locA"))));

        final MeterRegistry registry = new SimpleMeterRegistry();
        try (KeeperSink sink = KeeperSink.start(configFor(topics), registry)) {
            await().atMost(PATIENCE).until(() -> sink.store().get("c1").isPresent());

            assertThat(registry.get("keeper.sink.records.skipped").tag("reason", "undecodable").counter().count())
                .isEqualTo(1);
            await().atMost(PATIENCE).until(() -> sink.store().storedOffsets().equals(endOffsets(topics)));
            assertThat(sink.isConsuming()).isTrue();
        }
    }

    private SinkConfig configFor(final Topics topics) {
        return SinkConfig.of(dataDir, SharedTestBroker.bootstrapServers(), Set.of(KEY))
            .withTopics(topics)
            .withGroupId(topics.enrichedContacts() + ".sink");
    }

    private static ProducerRecord<String, EnrichedContact> upsert(final EnrichedContact contact) {
        return new ProducerRecord<>("", contact.getId(), contact);
    }

    private static ProducerRecord<String, EnrichedContact> tombstone(final String key) {
        return new ProducerRecord<>("", key, null);
    }

    /** Sends the records to the enriched topic; a contact's records share a partition whatever its key form. */
    private static void produce(final Topics topics, final List<ProducerRecord<String, EnrichedContact>> records) {
        try (KafkaProducer<String, EnrichedContact> producer = new KafkaProducer<>(producerProperties(),
            new StringSerializer(), AvroSerde.of(EnrichedContact.class))) {
            for (final ProducerRecord<String, EnrichedContact> record : records) {
                final int partition = record.partition() != null ? record.partition() : partitionOf(record.key());
                producer.send(new ProducerRecord<>(topics.enrichedContacts(), partition, record.key(), record.value()));
            }
            producer.flush();
        }
    }

    private static void produceRaw(final String topic, final String key, final byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties(), new StringSerializer(),
            new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, 0, key, value));
            producer.flush();
        }
    }

    private static int partitionOf(final String key) {
        final String contactId = key.substring(key.lastIndexOf(':') + 1);
        return Math.floorMod(contactId.hashCode(), 2);
    }

    private static Map<String, Object> producerProperties() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestBroker.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all");
    }

    private static Map<TopicPartition, Long> endOffsets(final Topics topics) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedTestBroker.bootstrapServers()))) {
            final Map<TopicPartition, OffsetSpec> request = Map.of(
                new TopicPartition(topics.enrichedContacts(), 0), OffsetSpec.latest(),
                new TopicPartition(topics.enrichedContacts(), 1), OffsetSpec.latest());
            return admin.listOffsets(request).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        }
    }

    private static double applied(final MeterRegistry registry, final String change) {
        return registry.get("keeper.sink.records.applied").tag("change", change).counter().count();
    }

    private static List<String> listedIds(final KeeperSink sink, final String locationId) throws Exception {
        final List<String> ids = new ArrayList<>();
        body(sink, "/contacts?locationId=" + locationId).get("contacts").forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    private static JsonNode getContact(final KeeperSink sink, final String contactId) throws Exception {
        return body(sink, "/contacts/" + contactId).get("contact");
    }

    private static JsonNode body(final KeeperSink sink, final String path) throws Exception {
        return MAPPER.readTree(send(sink, path).body());
    }

    private static int status(final KeeperSink sink, final String path) throws Exception {
        return send(sink, path).statusCode();
    }

    private static HttpResponse<String> send(final KeeperSink sink, final String path) throws Exception {
        final HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + sink.apiPort() + path))
            .header("Authorization", "Bearer " + KEY).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
