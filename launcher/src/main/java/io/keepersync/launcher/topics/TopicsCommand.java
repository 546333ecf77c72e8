package io.keepersync.launcher.topics;

import io.keepersync.kafka.TopicSpec;
import io.keepersync.launcher.kafka.KafkaCluster;
import io.keepersync.launcher.kafka.KafkaOptions;
import io.keepersync.launcher.kafka.TopicOptions;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code keeper topics}: every topic of the deployment, as it is on the cluster, and what it is for. */
@Command(name = "topics", mixinStandardHelpOptions = true,
    description = {"Prints each topic's name, partitions, replication, cleanup policy, retention and purpose, as the "
        + "cluster has it; a topic not created yet is shown with the settings keeper run would create it with.",
        "Uses KAFKA_BOOTSTRAP_SERVERS, or the embedded broker of a running keeper run."})
public final class TopicsCommand implements Callable<Integer> {

    private static final String ROW = "%-36s %10s %11s %-8s %-16s %s%n";

    @Mixin
    KafkaOptions kafka;

    @Mixin
    TopicOptions creation;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        final Map<String, Object> cluster = KafkaCluster.reach(kafka);
        final List<TopicSpec> specs = creation.specs(kafka);
        final List<TopicState> states;
        try (Admin admin = Admin.create(cluster)) {
            states = TopicState.describe(admin, specs);
        }
        final PrintWriter out = spec.commandLine().getOut();
        out.printf(ROW, "TOPIC", "PARTITIONS", "REPLICATION", "CLEANUP", "RETENTION", "PURPOSE");
        for (final TopicState state : states) {
            out.printf(ROW, state.name() + (state.exists() ? "" : " (not created)"), state.partitions(),
                state.replication(), state.cleanupPolicy(), state.retention(), state.purpose());
        }
        out.printf("%nKafka Streams adds internal topics named %s-*-changelog and %s-*-repartition for the "
            + "enrichment's state.%n", kafka.enrichmentGroup(), kafka.enrichmentGroup());
        out.flush();
        return 0;
    }
}
