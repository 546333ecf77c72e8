package io.keepersync.launcher.run;

import io.keepersync.ghl.GhlApi;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code keeper run}: the services against a real GHL (or anything that speaks its contract). */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs the webhook gateway, the enrichment and the Keeper store against GHL. Without "
        + "KAFKA_BOOTSTRAP_SERVERS a Kafka broker is started in this process.")
public final class RunCommand implements Callable<Integer> {

    @Mixin
    PipelineOptions pipeline;

    @Mixin
    GhlOptions ghl;

    @Option(names = "--services", split = ",", defaultValue = "${env:KEEPER_SERVICES:-gateway,enrich,sink}",
        description = "Services to run in this process: gateway, enrich, sink (env KEEPER_SERVICES, default all).")
    List<Service> services;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        final Pipeline running = start();
        printReady(running);
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "keeper-shutdown"));
        stopped.await();
        return 0;
    }

    /** Checks the settings and starts the chosen services; the caller closes what it gets. */
    public Pipeline start() {
        final Set<Service> chosen = EnumSet.copyOf(services);
        validate(chosen);
        final MeterRegistry metrics = new SimpleMeterRegistry();
        final GhlApi ghl = chosen.contains(Service.ENRICH) ? ghlClient(metrics) : null;
        return Pipeline.start(pipeline, chosen, ghl, metrics);
    }

    private void validate(final Set<Service> chosen) {
        final List<String> missing = new ArrayList<>(pipeline.problems());
        if (chosen.contains(Service.ENRICH) && !ghl.hasToken()) {
            missing.add("enrichment needs GHL credentials: set GHL_TOKEN or KEEPER_GHL_CREDENTIALS "
                + "(or pass --ghl-token or --ghl-credentials)");
        }
        if (chosen.contains(Service.SINK) && pipeline.apiKeySet().isEmpty()) {
            missing.add("the read API needs at least one key: set KEEPER_API_KEYS or pass --api-keys");
        }
        if (!missing.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.join("; ", missing));
        }
    }

    private GhlApi ghlClient(final MeterRegistry metrics) {
        return GhlClients.forEnrichment(ghl.apiUrl(), config -> ghl.tokens(config, pipeline.dataDir()),
            pipeline.ghlRateLimit(), metrics);
    }

    private static void printReady(final Pipeline running) {
        System.out.println("Keeper Sync is running (Ctrl-C stops it). Kafka: " + running.bootstrapServers());
        running.gateway().ifPresent(gateway ->
            System.out.println("  webhooks:  POST http://localhost:" + gateway.port() + "/webhooks/ghl"));
        running.sink().ifPresent(sink ->
            System.out.println("  read API:  GET  http://localhost:" + sink.apiPort() + "/contacts/{contactId}"));
    }
}
