package io.keepersync.launcher.demo;

import io.keepersync.ghl.GhlClientConfig;
import io.keepersync.ghl.HttpGhlApi;
import io.keepersync.ghl.TokenProvider;
import io.keepersync.launcher.run.Pipeline;
import io.keepersync.launcher.run.PipelineOptions;
import io.keepersync.launcher.run.Service;
import io.keepersync.simulator.GhlSimulator;
import io.keepersync.simulator.SimulatorConfig;
import io.keepersync.sink.KeeperSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code keeper demo}: the whole pipeline in one process against the GHL simulator, which creates and
 * changes contacts and sends their signed webhooks, until the Keeper store matches the simulator.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Runs an embedded broker, the GHL simulator, the gateway, the enrichment and the Keeper "
        + "store in one process, lets the simulator create and change contacts, and reports when the store "
        + "has converged.")
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    PipelineOptions pipeline;

    @Option(names = "--contacts", defaultValue = "200", description = "Contacts the simulator creates (default ${DEFAULT-VALUE}).")
    int contacts;

    @Option(names = "--changes", description = "Bursts of activity on random contacts once they exist "
        + "(default: one per contact).")
    Integer changes;

    @Option(names = "--locations", defaultValue = "4", description = "GHL locations the contacts spread over (default ${DEFAULT-VALUE}).")
    int locations;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the simulated data (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-rate-limit", description = "Turn off the simulator's 100 requests per 10 s per location.")
    boolean noRateLimit;

    @Option(names = "--timeout", defaultValue = "PT8M", description = "Give up converging after this long (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--exit", description = "Exit when converged (0) or timed out (1) instead of serving the read API.")
    boolean exit;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    @Override
    public Integer call() throws IOException, InterruptedException {
        final Path dataDir = Files.createTempDirectory("keeper-demo");
        final String apiKey = "demo-" + UUID.randomUUID();
        final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

        try (GhlSimulator ghl = GhlSimulator.start(simulatorConfig())) {
            configurePipeline(dataDir, apiKey, ghl);
            final HttpGhlApi client = new HttpGhlApi(GhlClientConfig.defaults().withBaseUrl(ghl.baseUrl()),
                TokenProvider.fixed(SimulatorConfig.DEFAULT_ACCESS_TOKEN), metrics);
            try (Pipeline running = Pipeline.start(pipeline, EnumSet.allOf(Service.class), client, metrics)) {
                final DemoRun run = new DemoRun(ghl, running.sink().orElseThrow().store(), seed, out);
                ghl.setWebhookUrl("http://localhost" + ":" + running.gateway().orElseThrow().port() + "/webhooks/ghl");
                final boolean converged = run.createChangeAndAwait(contacts, changes == null ? contacts : changes, timeout);
                if (exit) {
                    return converged ? 0 : 1;
                }
                serveUntilStopped(running.sink().orElseThrow(), apiKey, ghl.locationIds());
                return 0;
            }
        }
    }

    private SimulatorConfig simulatorConfig() {
        return SimulatorConfig.defaults()
            .withSeed(seed)
            .withLocationIds(LocationIds.generate(seed, locations))
            .withRateLimitEnabled(!noRateLimit);
    }

    private void configurePipeline(final Path dataDir, final String apiKey, final GhlSimulator ghl) throws IOException {
        final Path simulatorKey = dataDir.resolve("simulator-webhook-key.pem");
        Files.writeString(simulatorKey, ghl.webhookPublicKeyPem());
        pipeline.useDataDir(dataDir);
        pipeline.useKafkaPort(0);
        pipeline.useApiKeys(List.of(apiKey));
        pipeline.useEd25519KeyFile(simulatorKey);
    }

    private void serveUntilStopped(final KeeperSink sink, final String apiKey, final List<String> locationIds)
        throws InterruptedException {
        out.printf("%nThe Keeper store stays up until Ctrl-C. Try:%n");
        out.printf("  curl -H 'Authorization: Bearer %s' 'http://localhost:%d/contacts?locationId=%s'%n",
            apiKey, sink.apiPort(), locationIds.get(0));
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "keeper-demo-shutdown"));
        stopped.await();
    }
}
