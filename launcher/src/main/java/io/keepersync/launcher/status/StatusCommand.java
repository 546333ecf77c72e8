package io.keepersync.launcher.status;

import io.keepersync.backfill.progress.ProgressTopic;
import io.keepersync.launcher.kafka.ConsumerLag;
import io.keepersync.launcher.kafka.KafkaCluster;
import io.keepersync.launcher.kafka.KafkaOptions;
import io.keepersync.schemas.BackfillProgress;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code keeper status}: where each location's backfill stands, and how far enrichment and the sink are behind. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Shows each location's backfill (state, contacts done, rate, GHL calls left today, time left) from "
        + "the backfill-progress topic, and the consumer-group lag of the enrichment and the sink.",
        "Uses KAFKA_BOOTSTRAP_SERVERS, or the embedded broker of a running keeper run."})
public final class StatusCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        final Map<String, Object> cluster = KafkaCluster.reach(kafka);
        final Map<String, BackfillProgress> backfills =
            ProgressTopic.readAll(cluster, kafka.topics().backfillProgress());
        final List<ConsumerLag> lags;
        try (Admin admin = Admin.create(cluster)) {
            lags = List.of(ConsumerLag.of(admin, kafka.enrichmentGroup(), kafka.topics().contactEvents()),
                ConsumerLag.of(admin, kafka.sinkGroup(), kafka.topics().enrichedContacts()));
        }
        final PrintWriter out = spec.commandLine().getOut();
        StatusTables.backfills(out, kafka.topics().backfillProgress(), backfills.values(), Instant.now());
        StatusTables.lags(out, lags);
        out.flush();
        return 0;
    }
}
