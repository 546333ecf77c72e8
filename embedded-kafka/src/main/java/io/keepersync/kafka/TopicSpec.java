package io.keepersync.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * How one of the pipeline's topics is created: its partitions, replication, topic-level settings, and what it is
 * for. {@link TopicSetup#specs} lists them all; {@code keeper topics} prints them.
 *
 * @param name the topic's name, prefix included
 * @param partitions partitions at creation
 * @param replicationFactor replicas per partition; empty takes the cluster's {@code default.replication.factor}
 * @param configs topic-level settings such as {@code cleanup.policy} and {@code retention.ms}
 * @param purpose one line saying what the topic holds, for operators
 */
public record TopicSpec(String name, int partitions, Optional<Short> replicationFactor, Map<String, String> configs,
                        String purpose) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(replicationFactor, "replicationFactor");
        Objects.requireNonNull(purpose, "purpose");
        configs = Map.copyOf(configs);
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
    }

    /** Whether Kafka keeps only the latest record per key. */
    public boolean compacted() {
        return TopicConfig.CLEANUP_POLICY_COMPACT.equals(configs.get(TopicConfig.CLEANUP_POLICY_CONFIG));
    }

    /** How long records are kept; empty for a compacted topic, which keeps the latest record per key for good. */
    public Optional<Duration> retention() {
        return Optional.ofNullable(configs.get(TopicConfig.RETENTION_MS_CONFIG))
            .map(ms -> Duration.ofMillis(Long.parseLong(ms)));
    }

    /** The Admin request that creates this topic. */
    public NewTopic newTopic() {
        return new NewTopic(name, Optional.of(partitions), replicationFactor).configs(configs);
    }
}
