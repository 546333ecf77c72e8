package io.keepersync.enrich;

import io.keepersync.enrich.topology.EnrichTopology;
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

    private final KafkaStreams streams;

    private EnrichmentApp(final KafkaStreams streams) {
        this.streams = streams;
    }

    /** Starts the app; returns at once, while the instance joins its group in the background. */
    public static EnrichmentApp start(final EnrichConfig config, final GhlApi ghl, final MeterRegistry metrics) {
        final KafkaStreams streams = new KafkaStreams(
            EnrichTopology.build(config.topics(), ghl, config.policy(), metrics), properties(config));
        streams.setStateListener((next, previous) ->
            log.info("Enrichment state changed applicationId={} from={} to={}", config.applicationId(), previous, next));
        streams.setUncaughtExceptionHandler(e -> {
            log.error("Enrichment stream thread failed; replacing it applicationId={}", config.applicationId(), e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        return new EnrichmentApp(streams);
    }

    /** The Kafka Streams state, for health checks. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Leaves the group (so a quick restart does not wait out a rebalance) and stops. Blocks up to 30 s. */
    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(CLOSE_TIMEOUT));
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
        // GHL calls block the stream thread inside a transaction; give it room beyond a rate-limit wait.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), (int) TRANSACTION_TIMEOUT.toMillis());
        props.putAll(config.overrides());
        return props;
    }
}
