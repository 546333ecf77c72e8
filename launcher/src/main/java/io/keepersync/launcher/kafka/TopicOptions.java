package io.keepersync.launcher.kafka;

import io.keepersync.kafka.TopicSetup;
import io.keepersync.kafka.TopicSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How the deployment's topics are created; shared by {@code keeper run}, {@code keeper demo} and {@code topics}. */
public final class TopicOptions {

    @Option(names = "--partitions", defaultValue = "${env:KEEPER_PARTITIONS:-6}",
        description = "Partitions of the topics keyed by contact when they are created (env KEEPER_PARTITIONS, "
            + "default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--replication-factor", defaultValue = "${env:KEEPER_REPLICATION_FACTOR}",
        description = "Replicas per partition of the topics when they are created (env KEEPER_REPLICATION_FACTOR; "
            + "default 1 on the embedded broker, else the cluster's default.replication.factor).")
    Short replicationFactor;

    /** Replicas per partition: as configured, else 1 on the embedded broker, else the cluster's default. */
    public Optional<Short> replicationFactor(final KafkaOptions kafka) {
        if (replicationFactor != null) {
            return Optional.of(replicationFactor);
        }
        return kafka.embedded() ? Optional.of(TopicSetup.EMBEDDED_REPLICATION) : Optional.empty();
    }

    /** What is wrong with the values given, one phrase each naming the option; empty when nothing is. */
    public List<String> problems() {
        final List<String> problems = new ArrayList<>();
        if (partitions < 1) {
            problems.add("--partitions (KEEPER_PARTITIONS) must be at least 1, was " + partitions);
        }
        if (replicationFactor != null && replicationFactor < 1) {
            problems.add("--replication-factor (KEEPER_REPLICATION_FACTOR) must be at least 1, was " + replicationFactor);
        }
        return problems;
    }

    /** Every topic of the deployment {@code kafka} names, with the settings it is created with. */
    public List<TopicSpec> specs(final KafkaOptions kafka) {
        return TopicSetup.specs(kafka.topics(), partitions, replicationFactor(kafka));
    }
}
