package io.keepersync.launcher.run;

import io.keepersync.enrich.EnrichConfig;
import io.keepersync.enrich.EnrichmentApp;
import io.keepersync.enrich.reconcile.LocationSweeper;
import io.keepersync.enrich.reconcile.SweepConfig;
import io.keepersync.enrich.topology.RefreshPolicy;
import io.keepersync.gateway.GatewayConfig;
import io.keepersync.gateway.WebhookGateway;
import io.keepersync.ghl.GhlApi;
import io.keepersync.ghl.HttpGhlApi;
import io.keepersync.kafka.EmbeddedKafkaBroker;
import io.keepersync.kafka.TopicSetup;
import io.keepersync.kafka.TopicSpec;
import io.keepersync.sink.KeeperSink;
import io.keepersync.sink.SinkConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services of one process: broker and topics first, then the gateway (webhooks only need Kafka, and
 * GHL drops what it cannot deliver, so the gateway should be up as early as possible), then the sink
 * and the enrichment. Stopped in the reverse order.
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration SHARE_CHECK_INTERVAL = Duration.ofSeconds(30);

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private String bootstrapServers;
    private WebhookGateway gateway;
    private KeeperSink sink;
    private LocationSweeper sweeper;

    private Pipeline() {
    }

    /**
     * Starts the chosen services. {@code ghl} is needed only when enrichment runs. Blocks until the
     * broker is ready and the gateway and read API listen; enrichment joins its group in the background.
     */
    public static Pipeline start(final PipelineOptions options, final Set<Service> services, final GhlApi ghl,
                                 final MeterRegistry metrics) {
        final Pipeline pipeline = new Pipeline();
        try {
            pipeline.startAll(options, services, ghl, metrics);
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    /** Where Kafka is, embedded or not. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The gateway, when this process runs it. */
    public Optional<WebhookGateway> gateway() {
        return Optional.ofNullable(gateway);
    }

    /** The sink, when this process runs it. */
    public Optional<KeeperSink> sink() {
        return Optional.ofNullable(sink);
    }

    /** Reconciliation, when this process runs enrichment. */
    public Optional<LocationSweeper> sweeper() {
        return Optional.ofNullable(sweeper);
    }

    /** Stops every started service, the last started first. */
    @Override
    public void close() {
        while (!running.isEmpty()) {
            final AutoCloseable service = running.pop();
            try {
                service.close();
            } catch (Exception e) {
                log.warn("Service did not stop cleanly service={}", service.getClass().getSimpleName(), e);
            }
        }
    }

    private void startAll(final PipelineOptions options, final Set<Service> services, final GhlApi ghl,
                          final MeterRegistry metrics) {
        final Path dataDir = createDirectory(options.dataDir());
        final GatewayKeys keys = services.contains(Service.GATEWAY) ? GatewayKeys.load(options) : null;
        bootstrapServers = options.embeddedKafka()
            ? startBroker(dataDir, options.kafka().kafkaPort())
            : options.kafka().configuredServers();
        createTopics(options.topicSpecs());

        if (keys != null) {
            gateway = WebhookGateway.start(keys.apply(GatewayConfig.defaults(bootstrapServers)
                .withPort(options.gatewayPort())
                .withTopics(options.topics())), metrics);
            running.push(gateway);
        }
        if (services.contains(Service.SINK)) {
            sink = KeeperSink.start(SinkConfig.of(dataDir, bootstrapServers, options.apiKeySet())
                .withApiPort(options.apiPort())
                .withTopics(options.topics())
                .withGroupId(options.kafka().sinkGroup()), metrics);
            running.push(sink);
        }
        if (services.contains(Service.ENRICH)) {
            final EnrichmentApp enrichment = EnrichmentApp.start(enrichConfig(options, dataDir), ghl, metrics);
            running.push(enrichment);
            if (ghl instanceof HttpGhlApi client) {
                running.push(BudgetShare.start(enrichment, client, SHARE_CHECK_INTERVAL));
            }
            sweeper = LocationSweeper.start(new SweepConfig(options.sweepInterval, options.fullSweepInterval,
                Duration.ofMinutes(1)), options.topics(), bootstrapServers, ghl);
            running.push(sweeper);
        }
        log.info("Keeper Sync started services={} bootstrapServers={} dataDir={}", services, bootstrapServers, dataDir);
    }

    private String startBroker(final Path dataDir, final int port) {
        final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), port);
        running.push(broker);
        return broker.bootstrapServers();
    }

    private void createTopics(final List<TopicSpec> topics) {
        try (Admin admin = Admin.create(Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.dividedBy(2).toMillis(),
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis()))) {
            TopicSetup.ensure(admin, topics);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot set up topics on Kafka at " + bootstrapServers
                + "; is it reachable? (" + e.getMessage() + ")", e);
        }
    }

    private EnrichConfig enrichConfig(final PipelineOptions options, final Path dataDir) {
        return new EnrichConfig(options.kafka().enrichmentGroup(), bootstrapServers, options.topics(),
            dataDir.resolve("enrich-state"), options.streamThreads, refreshPolicy(options.deadLetterAfter), Map.of());
    }

    private static RefreshPolicy refreshPolicy(final Duration deadLetterAfter) {
        final RefreshPolicy defaults = RefreshPolicy.defaults();
        return defaults.withRetries(defaults.retryDelay(), defaults.maxRetryDelay(), deadLetterAfter);
    }

    private static Path createDirectory(final Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dir, e);
        }
    }
}
