package io.keepersync.sink;

import io.keepersync.sink.api.ApiKeyAuthenticator;
import io.keepersync.sink.api.ContactReadApi;
import io.keepersync.sink.consume.EnrichedContactConsumer;
import io.keepersync.sink.store.KeeperStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Keeper sink: materialises the enriched contact topic into the {@link KeeperStore} and serves it
 * through the read API ({@link ContactReadApi}).
 *
 * <pre>{@code
 * try (KeeperSink sink = KeeperSink.start(SinkConfig.of(dataDir, "localhost:9092", Set.of(apiKey)))) {
 *     int port = sink.apiPort();
 * }
 * }</pre>
 */
public final class KeeperSink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KeeperSink.class);

    private final KeeperStore store;
    private final EnrichedContactConsumer consumer;
    private final ContactReadApi api;

    private KeeperSink(final KeeperStore store, final EnrichedContactConsumer consumer, final ContactReadApi api) {
        this.store = store;
        this.consumer = consumer;
        this.api = api;
    }

    /** Starts the sink with metrics kept in memory only. See {@link #start(SinkConfig, MeterRegistry)}. */
    public static KeeperSink start(final SinkConfig config) {
        return start(config, new SimpleMeterRegistry());
    }

    /**
     * Opens the store, starts the consumer thread and the read API. Returns once the API listens; the
     * consumer catches up in the background.
     */
    public static KeeperSink start(final SinkConfig config, final MeterRegistry registry) {
        LOG.info("Starting Keeper sink config={}", config);
        final KeeperStore store = KeeperStore.open(config.storeDir());
        EnrichedContactConsumer consumer = null;
        try {
            consumer = EnrichedContactConsumer.start(config.kafka(), config.groupId(),
                config.topics().enrichedContacts(), store, registry);
            final ContactReadApi api = ContactReadApi.start(store, new ApiKeyAuthenticator(config.apiKeys()),
                config.apiPort(), consumer::isRunning, registry);
            return new KeeperSink(store, consumer, api);
        } catch (RuntimeException e) {
            if (consumer != null) {
                consumer.close();
            }
            store.close();
            throw e;
        }
    }

    /** The port the read API listens on. */
    public int apiPort() {
        return api.port();
    }

    /** The store the sink writes; readable while the sink runs. */
    public KeeperStore store() {
        return store;
    }

    /** Whether the consumer is still copying the enriched topic into the store. */
    public boolean isConsuming() {
        return consumer.isRunning();
    }

    /** Stops the consumer thread, then the read API, then closes the store. Blocks until all three are done. */
    @Override
    public void close() {
        consumer.close();
        api.close();
        store.close();
        LOG.info("Keeper sink stopped");
    }
}
