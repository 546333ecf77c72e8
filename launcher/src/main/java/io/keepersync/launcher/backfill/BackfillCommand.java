package io.keepersync.launcher.backfill;

import io.keepersync.backfill.ActiveLocations;
import io.keepersync.backfill.BackfillConfig;
import io.keepersync.backfill.BackfillRequest;
import io.keepersync.backfill.progress.ProgressLine;
import io.keepersync.backfill.progress.ProgressTopic;
import io.keepersync.ghl.GhlApi;
import io.keepersync.launcher.kafka.KafkaCluster;
import io.keepersync.launcher.kafka.KafkaOptions;
import io.keepersync.launcher.run.GhlBudgetOption;
import io.keepersync.launcher.run.DataDirOption;
import io.keepersync.launcher.run.GhlClients;
import io.keepersync.launcher.run.GhlOptions;
import io.keepersync.schemas.BackfillProgress;
import io.keepersync.schemas.BackfillState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code keeper backfill}: brings the contacts that already exist in GHL into the pipeline, one location or every
 * active one, resuming each location's unfinished backfill.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true,
    description = {"Publishes every existing contact of a GHL location onto the contact events topic, so that "
        + "enrichment reads it with its tasks, notes and appointments at backfill priority (live events go first).",
        "Resumable: each page of contacts is committed together with a checkpoint; stopped or killed, the same "
            + "command continues after the last committed page. Progress: keeper status.",
        "Needs the pipeline's Kafka (KAFKA_BOOTSTRAP_SERVERS, or the embedded broker of a running keeper run) and "
            + "enrichment running to count contacts as done."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:every backfill finished", "1:a backfill failed", "2:invalid options",
        "130:stopped before the end (run the command again to resume)"})
public final class BackfillCommand implements Callable<Integer> {

    static final int STOPPED = 130;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(names = "--since", converter = SinceConverter.class,
        description = "Only contacts updated at or after this date (2026-01-31, midnight UTC) or instant "
            + "(2026-01-31T10:00:00Z).")
    Instant since;

    @Option(names = "--restart", description = "Start over even when the location's last backfill is unfinished; "
        + "with --all, also backfill the locations whose last backfill finished.")
    boolean restart;

    @Option(names = "--parallel", defaultValue = "4",
        description = "Locations backfilled at the same time (default ${DEFAULT-VALUE}); each has its own GHL budget.")
    int parallel;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    GhlOptions ghl;

    @Mixin
    GhlBudgetOption budget;

    @Mixin
    DataDirOption data;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Which locations to backfill. */
    static final class Which {
        @Option(names = "--location", split = ",", required = true,
            description = "GHL location id(s) to backfill, comma-separated.")
        List<String> locations;

        @Option(names = "--all", required = true,
            description = "Every active location of the locations topic (those enrichment has seen an event of), "
                + "except those whose last backfill finished, unless --restart is given.")
        boolean all;
    }

    @Override
    public Integer call() {
        if (!ghl.hasToken()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "the backfill needs GHL credentials: set GHL_TOKEN or KEEPER_GHL_CREDENTIALS "
                    + "(or pass --ghl-token or --ghl-credentials)");
        }
        if (parallel < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--parallel must be at least 1, was " + parallel);
        }
        if (which.locations != null && which.locations.stream().anyMatch(String::isBlank)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--location needs a GHL location id, got an empty one");
        }
        final Map<String, Object> cluster = KafkaCluster.reach(kafka);
        final PrintWriter out = spec.commandLine().getOut();
        final List<String> locations = locations(cluster, out);
        if (locations.isEmpty()) {
            out.println("Every active location has been backfilled; --restart backfills them again.");
            out.flush();
            return 0;
        }
        out.printf("Backfilling %d location(s): %s%n", locations.size(), String.join(", ", locations));
        out.flush();

        final GhlApi client = GhlClients.forBackfill(ghl.apiUrl(), config -> ghl.tokens(config, data.dataDir()),
            budget.requestsPer10s(), new SimpleMeterRegistry());
        final BackfillRuns runs = new BackfillRuns(config(cluster), client, new ProgressPrinter(out, Clock.systemUTC()),
            parallel);
        final List<BackfillRequest> requests = locations.stream()
            .map(locationId -> new BackfillRequest(locationId, Optional.ofNullable(since), restart)).toList();
        try {
            return report(out, runs.run(requests));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("Backfill stopped; run the same command again to resume from the last checkpoints.");
            out.flush();
            return STOPPED;
        }
    }

    private List<String> locations(final Map<String, Object> cluster, final PrintWriter out) {
        if (!which.all) {
            return which.locations.stream().map(String::trim).filter(id -> !id.isEmpty()).distinct().toList();
        }
        final List<String> active = ActiveLocations.read(cluster, kafka.topics().locations());
        if (active.isEmpty()) {
            throw new IllegalStateException("no active location in " + kafka.topics().locations() + " yet (enrichment "
                + "lists a location once it has seen one of its events); name one with --location");
        }
        if (restart) {
            return active;
        }
        final Map<String, BackfillProgress> backfills =
            ProgressTopic.readAll(cluster, kafka.topics().backfillProgress());
        final List<String> finished = active.stream().filter(locationId -> backfills.containsKey(locationId)
            && backfills.get(locationId).getState() == BackfillState.DONE).toList();
        if (!finished.isEmpty()) {
            out.printf("Skipping %d location(s) already backfilled: %s%n", finished.size(),
                String.join(", ", finished));
        }
        return active.stream().filter(locationId -> !finished.contains(locationId)).toList();
    }

    private BackfillConfig config(final Map<String, Object> cluster) {
        return BackfillConfig.defaults((String) cluster.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG),
            kafka.topics(), kafka.topicPrefix(), kafka.enrichmentGroup());
    }

    private static int report(final PrintWriter out, final Map<String, BackfillRuns.Outcome> outcomes) {
        boolean failed = false;
        out.println("Backfill summary:");
        for (final Map.Entry<String, BackfillRuns.Outcome> outcome : outcomes.entrySet()) {
            if (outcome.getValue() instanceof BackfillRuns.Outcome.Done done) {
                out.println("  " + ProgressLine.of(done.progress()));
            } else if (outcome.getValue() instanceof BackfillRuns.Outcome.Failed stopped) {
                failed = true;
                out.println("  locationId=" + outcome.getKey() + " NOT DONE: " + stopped.reason());
            }
        }
        out.flush();
        return failed ? 1 : 0;
    }
}
