package io.keepersync.launcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepersync.enrich.deadletter.DeadLetters;
import io.keepersync.kafka.SharedTestBroker;
import io.keepersync.kafka.TopicSetup;
import io.keepersync.launcher.KeeperCommand;
import io.keepersync.schemas.BackfillPosition;
import io.keepersync.schemas.BackfillProgress;
import io.keepersync.schemas.BackfillState;
import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.DeadLetter;
import io.keepersync.schemas.KeeperEventTypes;
import io.keepersync.schemas.PendingRefresh;
import io.keepersync.schemas.Topics;
import io.keepersync.schemas.serde.AvroSerde;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code keeper topics}, {@code keeper status} and the one-line errors of the operations commands. */
class OperationsCommandsTest {

    private static final AtomicInteger PREFIXES = new AtomicInteger();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final String bootstrap = SharedTestBroker.bootstrapServers();
    private final String prefix = "ops-" + PREFIXES.incrementAndGet() + ".";

    @Test
    void shouldPrintEveryTopicWithItsSettingsAndPurpose() {
        createTopics(Topics.withPrefix(prefix));

        final int exit = keeper("topics", "--bootstrap-servers", bootstrap, "--topic-prefix", prefix);

        assertThat(exit).isZero();
        assertThat(out.toString())
            .contains(prefix + "ghl.contact-events", prefix + "keeper.contacts.enriched")
            .contains(prefix + "keeper.backfill-progress")
            .contains("30d", "latest per key", "compact", "delete")
            .contains(prefix + "keeper-enrich-*-changelog")
            .doesNotContain("(not created)");
    }

    @Test
    void shouldShowTopicsNotCreatedYetWithTheSettingsTheyWouldGet() {
        final int exit = keeper("topics", "--bootstrap-servers", bootstrap, "--topic-prefix", prefix + "absent.",
            "--partitions", "12");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("(not created)").contains("12").contains("default");
    }

    @Test
    void shouldShowEachBackfillAndTheGroupsLag() {
        final Topics topics = Topics.withPrefix(prefix);
        createTopics(topics);
        publish(topics, progress("loc-running", BackfillState.RUNNING, Instant.now()));
        publish(topics, progress("loc-stalled", BackfillState.RUNNING, Instant.now().minusSeconds(600)));

        final int exit = keeper("status", "--bootstrap-servers", bootstrap, "--topic-prefix", prefix);

        assertThat(exit).isZero();
        assertThat(out.toString())
            .contains("loc-running", "RUNNING", "1,200/3,000 (40%)", "600/min", "196,500")
            .contains("loc-stalled: no checkpoint for 10m")
            .contains(prefix + "keeper-enrich", prefix + "keeper-sink", "nothing committed yet");
    }

    @Test
    void shouldSkipLocationsWhoseBackfillFinishedWhenAskedForAll() {
        final Topics topics = Topics.withPrefix(prefix);
        createTopics(topics);
        send(topics.locations(), "loc-done", "active".getBytes(StandardCharsets.UTF_8));
        publish(topics, progress("loc-done", BackfillState.DONE, Instant.now()));

        final int exit = keeper("backfill", "--all", "--bootstrap-servers", bootstrap, "--topic-prefix", prefix,
            "--ghl-token", "token");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Skipping 1 location(s) already backfilled: loc-done")
            .contains("Every active location has been backfilled");
    }

    @Test
    void shouldListDeadLettersAndRedriveEachOnce() {
        final Topics topics = Topics.withPrefix(prefix);
        createTopics(topics);
        final PendingRefresh refresh = PendingRefresh.newBuilder().setLocationId("loc-dlq").setContact(true)
            .setFirstEventAt(Instant.now()).setLastEventAt(Instant.now()).setAttempts(7)
            .setLastFailure("GhlApiException: GET /contacts/{id} answered 503").setLastStatus(503).build();
        final DeadLetter letter = DeadLetters.of("contact-dlq", refresh, Instant.now());
        send(topics.deadLetters(), "contact-dlq", AvroSerde.of(DeadLetter.class).serialize(topics.deadLetters(), letter));

        assertThat(keeper("dlq", "list", "--bootstrap-servers", bootstrap, "--topic-prefix", prefix)).isZero();
        assertThat(out.toString()).contains("1 dead letter(s)", "loc-dlq", "contact-dlq", "503", "answered 503");

        assertThat(keeper("dlq", "redrive", "--bootstrap-servers", bootstrap, "--topic-prefix", prefix)).isZero();
        assertThat(keeper("dlq", "redrive", "--bootstrap-servers", bootstrap, "--topic-prefix", prefix)).isZero();
        assertThat(out.toString()).contains("Redrove 1 dead letter(s)", "Redrove 0 dead letter(s)");
        assertThat(eventsOn(topics.contactEvents())).singleElement().satisfies(event -> {
            assertThat(event.getEventType()).isEqualTo(KeeperEventTypes.REDRIVE);
            assertThat(event.getContactId()).isEqualTo("contact-dlq");
        });
    }

    @Test
    void shouldSayInOneLineWhenTheEmbeddedBrokerIsNotRunning() throws IOException {
        final int port = freePort();

        final int exit = keeper("status", "--kafka-port", String.valueOf(port));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).hasLineCount(1)
            .isEqualTo("keeper status: no Kafka broker at localhost:" + port + ": start `keeper run` (it runs the "
                + "embedded broker) or set KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void shouldRefuseABackfillWithoutAGhlToken() {
        final int exit = keeper("backfill", "--location", "loc", "--bootstrap-servers", bootstrap, "--ghl-token", " ");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("the backfill needs GHL credentials");
    }

    @Test
    void shouldRefuseOptionValuesThatCannotWorkBeforeStartingAnything() {
        final int exit = keeper("run", "--sweep-interval", "PT0S", "--stream-threads", "0", "--kafka-port", "-5",
            "--dead-letter-after", "-PT1H", "--ghl-token", "t", "--api-keys", "k");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--sweep-interval (KEEPER_SWEEP_INTERVAL) must be a positive duration",
            "--stream-threads (KEEPER_STREAM_THREADS) must be at least 1", "--kafka-port (KEEPER_KAFKA_PORT) must be a port",
            "--dead-letter-after (KEEPER_DEAD_LETTER_AFTER) must be a positive duration");
    }

    @Test
    void shouldRefuseABackfillOfAnEmptyLocationId() {
        final int exit = keeper("backfill", "--location", "", "--bootstrap-servers", bootstrap, "--ghl-token", "t");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--location needs a GHL location id");
    }

    @Test
    void shouldRefuseToRebuildWithoutABrokerOrItsData(@TempDir final Path dataDir) throws IOException {
        final int exit = keeper("sink", "rebuild", "--kafka-port", String.valueOf(freePort()),
            "--data-dir", dataDir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).hasLineCount(1).contains("nothing to rebuild from");
    }

    private int keeper(final String... args) {
        final CommandLine keeper = KeeperCommand.commandLine();
        keeper.setOut(new PrintWriter(out, true));
        keeper.setErr(new PrintWriter(err, true));
        return keeper.execute(args);
    }

    private void createTopics(final Topics topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicSetup.ensure(admin, TopicSetup.specs(topics, 2, Optional.of((short) 1)));
        }
    }

    private void publish(final Topics topics, final BackfillProgress progress) {
        send(topics.backfillProgress(), progress.getLocationId(),
            AvroSerde.of(BackfillProgress.class).serialize(topics.backfillProgress(), progress));
    }

    private void send(final String topic, final String key, final byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value));
        }
    }

    private static BackfillProgress progress(final String locationId, final BackfillState state, final Instant at) {
        return BackfillProgress.newBuilder().setLocationId(locationId).setRunId("run-1").setState(state)
            .setPosition(new BackfillPosition(at, "c1", 1)).setTotal(3000L).setContactsPublished(1400)
            .setContactsEnriched(1200).setInFlight(List.of()).setEnrichedOffsets(Map.of())
            .setContactsPerMinute(600).setDailyCallsLeft(196_500L).setStartedAt(at).setUpdatedAt(at).build();
    }

    private List<ContactEvent> eventsOn(final String topic) {
        try (KafkaConsumer<String, ContactEvent> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.GROUP_ID_CONFIG, topic + "-check"), new StringDeserializer(),
            AvroSerde.of(ContactEvent.class).deserializer())) {
            consumer.subscribe(List.of(topic));
            final List<ContactEvent> events = new ArrayList<>();
            final long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (events.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> events.add(record.value()));
            }
            consumer.poll(Duration.ofMillis(500)).forEach(record -> events.add(record.value()));
            return events;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
