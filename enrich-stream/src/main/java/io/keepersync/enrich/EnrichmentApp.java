package io.keepersync.enrich;

import io.keepersync.enrich.topology.EnrichTopology;
import io.keepersync.enrich.topology.GhlCalls;
import io.keepersync.ghl.GhlApi;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running enrichment app: a Kafka Streams instance of {@link EnrichTopology} with exactly-once
 * processing, so an enriched record and the progress on the events it came from commit together.
 */
public final class EnrichmentApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EnrichmentApp.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(5);

    /** Threads for GHL reads; most of their time is spent waiting for GHL or for a rate-budget permit. */
    public static final int GHL_THREADS = 64;
    /** Reads of one location running at once; 8 keep a 10-per-second budget busy at up to ~800 ms a read. */
    public static final int READS_PER_LOCATION = 8;

    private static final long POLL_MS = 20;

    private final KafkaStreams streams;
    private final GhlCalls calls;

    private EnrichmentApp(final KafkaStreams streams, final GhlCalls calls) {
        this.streams = streams;
        this.calls = calls;
    }

    /** Starts the app; returns at once, while the instance joins its group in the background. */
    public static EnrichmentApp start(final EnrichConfig config, final GhlApi ghl, final MeterRegistry metrics) {
        return start(config, ghl, GhlCalls.pool(GHL_THREADS, READS_PER_LOCATION), metrics);
    }

    /** Starts the app with its GHL reads on {@code calls}, which it closes on {@link #close()}. */
    public static EnrichmentApp start(final EnrichConfig config, final GhlApi ghl, final GhlCalls calls,
                                      final MeterRegistry metrics) {
        final KafkaStreams streams = new KafkaStreams(
            EnrichTopology.build(config.topics(), ghl, calls, config.policy(), metrics), properties(config));
        streams.setStateListener((next, previous) ->
            log.info("Enrichment state changed applicationId={} from={} to={}", config.applicationId(), previous, next));
        streams.setUncaughtExceptionHandler(e -> {
            log.error("Enrichment stream thread failed; replacing it applicationId={}", config.applicationId(), e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        return new EnrichmentApp(streams, calls);
    }

    /** The Kafka Streams state, for health checks. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /** How many instances of this app are in its group now, this one included; at least 1. */
    public int instances() {
        try {
            return Math.max(1, streams.metadataForAllStreamsClients().size());
        } catch (IllegalStateException e) {
            return 1;
        }
    }

    /** Leaves the group (so a quick restart does not wait out a rebalance) and stops. Blocks up to 40 s. */
    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(CLOSE_TIMEOUT));
        calls.close();
    }

    private static Properties properties(final EnrichConfig config) {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // Finished GHL reads are merged by a punctuation, which runs between polls: poll briefly.
        props.put(StreamsConfig.POLL_MS_CONFIG, POLL_MS);
        // A task event without its contact still asks GHL on the stream thread; room beyond a rate-limit wait.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), (int) TRANSACTION_TIMEOUT.toMillis());
        props.putAll(config.overrides());
        return props;
    }
}
