package io.keepersync.launcher.demo;

import io.keepersync.ghl.GhlApi;
import io.keepersync.ghl.TokenProvider;
import io.keepersync.launcher.run.GhlClients;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code keeper demo}: the whole pipeline in one process against the GHL simulator, which creates and
 * changes contacts and sends their signed webhooks, until the Keeper store matches the simulator.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Runs an embedded broker, the GHL simulator, the gateway, the enrichment and the Keeper "
        + "store in one process, lets the simulator create and change contacts, and reports when the store "
        + "has converged.",
        "Unless given on the command line, the demo uses a temporary data directory (deleted at the end), "
            + "a free Kafka port and a random read API key; webhooks are always checked with the simulator's "
            + "own signing key."})
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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    @Override
    public Integer call() throws IOException, InterruptedException {
        validate();
        final CommandLine.ParseResult given = spec.commandLine().getParseResult();
        final boolean ownDataDir = !given.hasMatchedOption("--data-dir");
        final Path dataDir = ownDataDir ? Files.createTempDirectory("keeper-demo") : pipeline.dataDir();
        final Shutdown shutdown = Shutdown.onSignal();
        try {
            return runDemo(dataDir, given);
        } finally {
            if (ownDataDir) {
                TempFiles.deleteRecursively(dataDir);
            }
            shutdown.done();
        }
    }

    private void validate() {
        final List<String> problems = new ArrayList<>(pipeline.problems());
        if (contacts < 1) {
            problems.add("--contacts must be at least 1, was " + contacts);
        }
        if (changes != null && changes < 0) {
            problems.add("--changes must not be negative, was " + changes);
        }
        if (locations < 1) {
            problems.add("--locations must be at least 1, was " + locations);
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            problems.add("--timeout must be a positive duration such as PT2M, was " + timeout);
        }
        if (!problems.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.join("; ", problems));
        }
    }

    private int runDemo(final Path dataDir, final CommandLine.ParseResult given)
        throws IOException, InterruptedException {
        final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (GhlSimulator ghl = GhlSimulator.start(simulatorConfig())) {
            ghl.stampWebhooksWithWallClock();
            final String apiKey = configurePipeline(dataDir, ghl, given);
            final GhlApi client = GhlClients.forEnrichment(ghl.baseUrl(),
                config -> TokenProvider.fixed(SimulatorConfig.DEFAULT_ACCESS_TOKEN), pipeline.ghlRateLimit(), metrics);
            try (Pipeline running = Pipeline.start(pipeline, EnumSet.allOf(Service.class), client, metrics)) {
                final DemoRun run = new DemoRun(ghl, running.sink().orElseThrow().store(), seed, out);
                ghl.setWebhookUrl("http://localhost" + ":" + running.gateway().orElseThrow().port() + "/webhooks/ghl");
                final boolean converged = run.createChangeAndAwait(contacts, changes == null ? contacts : changes, timeout);
                if (exit) {
                    return converged ? 0 : 1;
                }
                printTryIt(running.sink().orElseThrow(), apiKey, ghl.locationIds());
                Shutdown.awaitSignal();
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

    /** Settings the user gave win; the rest suit a throw-away demo. Returns the read API's key. */
    private String configurePipeline(final Path dataDir, final GhlSimulator ghl, final CommandLine.ParseResult given)
        throws IOException {
        Files.createDirectories(dataDir);
        final Path simulatorKey = dataDir.resolve("simulator-webhook-key.pem");
        Files.writeString(simulatorKey, ghl.webhookPublicKeyPem());
        pipeline.useDataDir(dataDir);
        pipeline.useEd25519KeyFile(simulatorKey);
        if (!given.hasMatchedOption("--kafka-port")) {
            pipeline.useKafkaPort(0);
        }
        if (!given.hasMatchedOption("--api-keys")) {
            pipeline.useApiKeys(List.of("demo-" + UUID.randomUUID()));
        }
        return pipeline.apiKeySet().iterator().next();
    }

    private void printTryIt(final KeeperSink sink, final String apiKey, final List<String> locationIds) {
        out.printf("%nThe Keeper store stays up until Ctrl-C. Try:%n");
        out.printf("  curl -H 'Authorization: Bearer %s' 'http://localhost:%d/contacts?locationId=%s'%n",
            apiKey, sink.apiPort(), locationIds.get(0));
    }
}
