package io.keepersync.sink;

import io.keepersync.schemas.Topics;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Settings of the Keeper sink.
 *
 * @param dataDir directory for the sink's data; the RocksDB store lives in {@code dataDir/keeper-store}
 * @param apiPort port of the read API; 0 picks a free port
 * @param apiKeys keys accepted in {@code Authorization: Bearer <key>}; must not be empty unless
 *     {@code allowNoApiKeys} is set
 * @param allowNoApiKeys serve the read API without authentication when {@code apiKeys} is empty (local demos only)
 * @param topics topic names; the sink reads {@link Topics#enrichedContacts()}
 * @param kafka Kafka consumer properties, at least {@code bootstrap.servers}; group id, offset handling and
 *     isolation level are set by the sink
 * @param groupId consumer group id, {@value #DEFAULT_GROUP_ID} when null or blank
 */
public record SinkConfig(Path dataDir, int apiPort, Set<String> apiKeys, boolean allowNoApiKeys, Topics topics,
    Map<String, Object> kafka, String groupId) {

    /** The consumer group used when none is configured. */
    public static final String DEFAULT_GROUP_ID = "keeper-sink";

    public SinkConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(topics, "topics");
        if (apiPort < 0 || apiPort > 65_535) {
            throw new IllegalArgumentException("apiPort must be from 0 to 65535, was " + apiPort);
        }
        apiKeys = Set.copyOf(Objects.requireNonNull(apiKeys, "apiKeys"));
        if (apiKeys.isEmpty() && !allowNoApiKeys) {
            throw new IllegalArgumentException("configure at least one API key for the read API,"
                + " or allow unauthenticated reads explicitly");
        }
        if (apiKeys.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("API keys must not be blank");
        }
        kafka = Map.copyOf(Objects.requireNonNull(kafka, "kafka"));
        if (!kafka.containsKey(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("the Kafka properties must name bootstrap.servers");
        }
        groupId = groupId == null || groupId.isBlank() ? DEFAULT_GROUP_ID : groupId;
    }

    /** A configuration with a free API port, the default topics and the default group id. */
    public static SinkConfig of(final Path dataDir, final String bootstrapServers, final Set<String> apiKeys) {
        return new SinkConfig(dataDir, 0, apiKeys, false, Topics.defaults(),
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), DEFAULT_GROUP_ID);
    }

    /** This configuration with another API port. */
    public SinkConfig withApiPort(final int port) {
        return new SinkConfig(dataDir, port, apiKeys, allowNoApiKeys, topics, kafka, groupId);
    }

    /** This configuration with other topic names. */
    public SinkConfig withTopics(final Topics otherTopics) {
        return new SinkConfig(dataDir, apiPort, apiKeys, allowNoApiKeys, otherTopics, kafka, groupId);
    }

    /** This configuration with another consumer group. */
    public SinkConfig withGroupId(final String otherGroupId) {
        return new SinkConfig(dataDir, apiPort, apiKeys, allowNoApiKeys, topics, kafka, otherGroupId);
    }

    /** Where the RocksDB store lives. */
    public Path storeDir() {
        return dataDir.resolve("keeper-store");
    }

    /** Shows no API key and no Kafka property value but the bootstrap servers, which may be logged. */
    @Override
    public String toString() {
        return "SinkConfig[dataDir=" + dataDir + ", apiPort=" + apiPort + ", apiKeys=" + apiKeys.size() + " configured"
            + ", allowNoApiKeys=" + allowNoApiKeys + ", topics=" + topics
            + ", bootstrapServers=" + kafka.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)
            + ", kafkaProperties=" + kafka.keySet() + ", groupId=" + groupId + "]";
    }
}
