package io.keepersync.bench.sink;

import io.keepersync.bench.BenchSettings;
import io.keepersync.bench.Benchmark;
import io.keepersync.bench.process.TempDirs;
import io.keepersync.bench.report.MachineInfo;
import io.keepersync.kafka.EmbeddedKafkaBroker;
import io.keepersync.kafka.TopicSetup;
import io.keepersync.schemas.EnrichedContact;
import io.keepersync.schemas.Topics;
import io.keepersync.schemas.serde.AvroSerde;
import io.keepersync.sink.KeeperSink;
import io.keepersync.sink.SinkConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sink: enriched contact records (Avro, each a different contact) produced once to a fresh topic of an
 * embedded broker, then materialised into a fresh Keeper store by a {@link KeeperSink}, timed until the
 * store holds them all; against a bare consumer reading the same records in the same run (and, to tell
 * decoding from storing, a consumer that also decodes the Avro values). Rounds alternate the three, each
 * with a consumer group and store of its own, after an unmeasured warm-up round on fewer records.
 */
public final class SinkBenchmark implements Benchmark {

    private static final Logger LOG = LoggerFactory.getLogger(SinkBenchmark.class);
    /** The pipeline's default partition count ({@code KEEPER_PARTITIONS}). */
    private static final int PARTITIONS = 6;
    private static final Duration ROUND_TIMEOUT = Duration.ofMinutes(3);
    private static final long STORE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** Records of the unmeasured first round, which lets the JIT compile the hot paths. */
    private static final int WARMUP_RECORDS = 20_000;

    private final BenchSettings settings;

    public SinkBenchmark(final BenchSettings settings) {
        this.settings = settings;
    }

    /**
     * Raw figures of the sink benchmark.
     *
     * @param loadAverageAtStart the machine's load average before the broker started
     * @param records records per round
     * @param partitions partitions of the topic
     * @param meanValueBytes mean serialised record value
     * @param produceSeconds time to produce them once
     * @param rounds one entry per round
     */
    public record Result(String loadAverageAtStart, long records, int partitions, double meanValueBytes,
                         double produceSeconds, List<Round> rounds) {
    }

    /**
     * One round.
     *
     * @param bare the bare consumer
     * @param decoding the consumer that also decodes each value
     * @param sink the Keeper sink
     */
    public record Round(Throughput bare, Throughput decoding, Throughput sink) {
    }

    @Override
    public Result run(final Path workDir) throws Exception {
        final String load = MachineInfo.currentLoadAverage();
        final Path dataDir = TempDirs.create("keeper-bench-sink");
        final Topics topics = Topics.withPrefix("bench.");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), 0)) {
            try (Admin admin = Admin.create(
                     Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                TopicSetup.ensure(admin, topics, PARTITIONS);
            }
            final long started = System.nanoTime();
            final double meanValueBytes = produce(broker.bootstrapServers(), topics.enrichedContacts());
            final double produceSeconds = (System.nanoTime() - started) / 1e9;

            final String bootstrap = broker.bootstrapServers();
            round("warmup", Math.min(WARMUP_RECORDS, settings.sinkRecords()), bootstrap, topics, dataDir);
            final List<Round> rounds = new ArrayList<>();
            for (int number = 1; number <= settings.sinkRounds(); number++) {
                rounds.add(round(String.valueOf(number), settings.sinkRecords(), bootstrap, topics, dataDir));
            }
            return new Result(load, settings.sinkRecords(), PARTITIONS, meanValueBytes, produceSeconds, rounds);
        } finally {
            TempDirs.delete(dataDir);
        }
    }

    /** One round over the first {@code records} records, with consumer groups and a store named after it. */
    private Round round(final String name, final long records, final String bootstrapServers, final Topics topics,
                        final Path dataDir) {
        final String topic = topics.enrichedContacts();
        final Throughput bare = BareConsumer.read(bootstrapServers, topic, "bench-bare-" + name, records,
            ROUND_TIMEOUT, false);
        final Throughput decoding = BareConsumer.read(bootstrapServers, topic, "bench-decoding-" + name, records,
            ROUND_TIMEOUT, true);
        final Throughput sink = materialise(bootstrapServers, topics, dataDir.resolve("sink-" + name),
            "bench-sink-" + name, records);
        LOG.info("Sink round round={} bareSteadyPerSecond={} decodingSteadyPerSecond={} sinkSteadyPerSecond={} "
            + "complete={}", name, Math.round(bare.steadyPerSecond()), Math.round(decoding.steadyPerSecond()),
            Math.round(sink.steadyPerSecond()), bare.complete() && decoding.complete() && sink.complete());
        return new Round(bare, decoding, sink);
    }

    /** Starts a sink on a fresh store and blocks until the store holds every record (or the round times out). */
    private Throughput materialise(final String bootstrapServers, final Topics topics, final Path storeDir,
                                   final String groupId, final long expected) {
        final long started = System.nanoTime();
        final long deadline = started + ROUND_TIMEOUT.toNanos();
        final Throughput.Clock clock = new Throughput.Clock(started);
        try (KeeperSink sink = KeeperSink.start(SinkConfig.of(storeDir, bootstrapServers, Set.of("bench"))
                 .withTopics(topics).withGroupId(groupId))) {
            long count = 0;
            while (count < expected && System.nanoTime() < deadline && sink.isConsuming()) {
                count = sink.store().count();
                clock.observe(count);
                LockSupport.parkNanos(STORE_POLL_NANOS);
            }
        }
        return clock.throughput(expected);
    }

    /** Produces the records once; returns their mean serialised size. Blocks until all are acknowledged. */
    private double produce(final String bootstrapServers, final String topic) {
        final EnrichedRecords records = EnrichedRecords.generate();
        final AvroSerde<EnrichedContact> serde = AvroSerde.of(EnrichedContact.class);
        final Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
            ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        long bytes = 0;
        try (KafkaProducer<String, byte[]> producer =
                 new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (long n = 0; n < settings.sinkRecords(); n++) {
                final EnrichedContact record = records.record(n);
                final byte[] value = serde.serialize(topic, record);
                bytes += value.length;
                producer.send(new ProducerRecord<>(topic, record.getId(), value));
            }
            producer.flush();
        }
        final double mean = (double) bytes / settings.sinkRecords();
        LOG.info("Produced enriched records records={} meanValueBytes={}", settings.sinkRecords(), Math.round(mean));
        return mean;
    }
}
