package io.keepersync.launcher.sink;

import io.keepersync.kafka.EmbeddedKafkaBroker;
import io.keepersync.launcher.kafka.KafkaCluster;
import io.keepersync.launcher.kafka.KafkaOptions;
import io.keepersync.launcher.run.DataDirOption;
import io.keepersync.sink.SinkConfig;
import io.keepersync.sink.rebuild.RebuildResult;
import io.keepersync.sink.rebuild.StoreRebuild;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code keeper sink rebuild}: recreates the Keeper store from the compacted enriched topic alone, while the sink is
 * stopped. With the embedded broker and no {@code keeper run} up, it starts the broker from the data directory
 * for the time of the rebuild.
 */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
    description = {"Recreates the Keeper store (DATA_DIR/keeper-store) from the compacted enriched topic alone, "
        + "without calling GHL, and leaves the sink's stored positions at the topic's end, so the sink started "
        + "afterwards continues from there.",
        "The sink must be stopped (for example keeper run --services gateway,enrich). With the embedded broker and "
            + "nothing running, the broker is started from DATA_DIR/kafka for the rebuild."})
public final class RebuildCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    DataDirOption data;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        final PrintWriter out = spec.commandLine().getOut();
        final boolean ownBroker = kafka.embedded() && !KafkaCluster.answers(kafka.runningClusterServers());
        try (EmbeddedKafkaBroker broker = ownBroker ? startBroker(out) : null) {
            final Map<String, Object> cluster = broker == null ? KafkaCluster.reach(kafka)
                : Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            final SinkConfig config = new SinkConfig(data.dataDir(), 0, Set.of(), true, kafka.topics(), cluster,
                kafka.sinkGroup());
            final RebuildResult result = StoreRebuild.rebuild(config);
            out.printf("Rebuilt the Keeper store %s from %s: %,d records read, %,d skipped, %,d contacts. "
                    + "The sink continues from the topic's end when started.%n", config.storeDir(),
                kafka.topics().enrichedContacts(), result.recordsRead(), result.recordsSkipped(), result.contacts());
            out.flush();
            return 0;
        }
    }

    private EmbeddedKafkaBroker startBroker(final PrintWriter out) {
        final Path kafkaDir = data.dataDir().resolve("kafka");
        if (!Files.exists(kafkaDir.resolve("meta.properties"))) {
            throw new IllegalStateException("no Kafka broker at " + kafka.runningClusterServers() + " and no "
                + "embedded broker data in " + kafkaDir + ": nothing to rebuild from (set KAFKA_BOOTSTRAP_SERVERS "
                + "or --data-dir)");
        }
        out.printf("Starting the embedded Kafka broker from %s for the rebuild...%n", kafkaDir);
        out.flush();
        return EmbeddedKafkaBroker.start(kafkaDir, kafka.kafkaPort());
    }
}
