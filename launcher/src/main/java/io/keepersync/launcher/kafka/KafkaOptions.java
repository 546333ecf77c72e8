package io.keepersync.launcher.kafka;

import io.keepersync.enrich.EnrichConfig;
import io.keepersync.schemas.Topics;
import io.keepersync.sink.SinkConfig;
import picocli.CommandLine.Option;

/**
 * Where Kafka is and how the deployment's topics and groups are named, shared by every command that uses Kafka.
 * Each setting is defined here once, with its environment variable, default and description.
 */
public final class KafkaOptions {

    @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS}",
        description = "Kafka bootstrap servers (env KAFKA_BOOTSTRAP_SERVERS). When empty, keeper run starts a "
            + "single-node KRaft broker in its process, and the other commands use that broker on localhost.")
    String bootstrapServers;

    @Option(names = "--kafka-port", defaultValue = "${env:KEEPER_KAFKA_PORT:-9092}",
        description = "Port of the embedded broker (env KEEPER_KAFKA_PORT, default ${DEFAULT-VALUE}; "
            + "0 picks a free one).")
    int kafkaPort;

    @Option(names = "--topic-prefix", defaultValue = "${env:KEEPER_TOPIC_PREFIX:-}",
        description = "Prefix for every topic name, the enrichment's application id, the sink's consumer group and the "
            + "backfill's transactional ids (env KEEPER_TOPIC_PREFIX, default none).")
    String topicPrefix;

    /** Whether no cluster is configured, so that the embedded broker is meant. */
    public boolean embedded() {
        return bootstrapServers == null || bootstrapServers.isBlank();
    }

    /** The configured bootstrap servers; null when the embedded broker is meant. */
    public String configuredServers() {
        return embedded() ? null : bootstrapServers;
    }

    /** The bootstrap servers of a running cluster: the configured ones, or {@code keeper run}'s embedded broker. */
    public String runningClusterServers() {
        return embedded() ? "localhost:" + kafkaPort : bootstrapServers;
    }

    public int kafkaPort() {
        return kafkaPort;
    }

    /** Used by the demo, whose broker takes any free port. */
    public void useKafkaPort(final int port) {
        this.kafkaPort = port;
    }

    /** Prefix of topic names, group ids and transactional ids, so deployments sharing a cluster stay apart. */
    public String topicPrefix() {
        return topicPrefix == null ? "" : topicPrefix;
    }

    /** The topic names in use. */
    public Topics topics() {
        return Topics.withPrefix(topicPrefix());
    }

    /** The enrichment's Kafka Streams application id, which is also its consumer group. */
    public String enrichmentGroup() {
        return topicPrefix() + EnrichConfig.DEFAULT_APPLICATION_ID;
    }

    /** The sink's consumer group. */
    public String sinkGroup() {
        return topicPrefix() + SinkConfig.DEFAULT_GROUP_ID;
    }
}
