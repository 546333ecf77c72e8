package io.keepersync.bench.pipeline;

import io.keepersync.simulator.GhlSimulator;
import io.keepersync.simulator.SimulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The GHL simulator as the pipeline benchmarks run it: GHL's latency on (5 to 25 ms a request), rate limits
 * off, some contacts seeded without webhooks, and its webhook key written to a PEM file for the gateway.
 */
final class SimulatedGhl implements AutoCloseable {

    private static final long SEED = 42;

    private final GhlSimulator simulator;
    private final SimulatorConfig config;
    private final Path keyFile;
    private final List<String> contactIds;

    private SimulatedGhl(final GhlSimulator simulator, final SimulatorConfig config, final Path keyFile,
                         final List<String> contactIds) {
        this.simulator = simulator;
        this.config = config;
        this.keyFile = keyFile;
        this.contactIds = List.copyOf(contactIds);
    }

    /** Starts the simulator; {@code webhookUrl} may be null and set later. Blocks until it listens. */
    static SimulatedGhl start(final String webhookUrl, final int contacts, final Path keyFile) {
        final SimulatorConfig config = SimulatorConfig.defaults()
            .withSeed(SEED)
            .withRateLimitEnabled(false)
            .withRateLimit(1_000_000, Duration.ofSeconds(10))
            .withWebhookUrl(webhookUrl);
        final GhlSimulator simulator = GhlSimulator.start(config);
        simulator.stampWebhooksWithWallClock();
        try {
            Files.writeString(keyFile, simulator.webhookPublicKeyPem());
            final List<String> ids = simulator.seedContacts(simulator.locationIds().get(0), contacts);
            return new SimulatedGhl(simulator, config, keyFile, ids);
        } catch (IOException e) {
            simulator.close();
            throw new UncheckedIOException("cannot write the simulator's key to " + keyFile, e);
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    GhlSimulator simulator() {
        return simulator;
    }

    String token() {
        return config.accessToken();
    }

    Path keyFile() {
        return keyFile;
    }

    List<String> contactIds() {
        return contactIds;
    }

    /** The configured per-request latency, e.g. {@code 5-25 ms}. */
    String latency() {
        return config.latencyMinMillis() + "-" + config.latencyMaxMillis() + " ms";
    }

    @Override
    public void close() {
        simulator.close();
    }
}
