package io.keepersync.enrich;

import io.keepersync.enrich.topology.RefreshPolicy;
import io.keepersync.schemas.Topics;
import java.nio.file.Path;
import java.util.Map;

/**
 * Settings of the enrichment app.
 *
 * @param applicationId Kafka Streams application id (consumer group and internal topic prefix)
 * @param bootstrapServers Kafka bootstrap servers
 * @param topics the pipeline's topics
 * @param stateDir where Kafka Streams keeps its local state
 * @param streamThreads stream threads in this instance
 * @param policy how GHL calls are spent on events
 * @param overrides further Kafka Streams properties, applied last
 */
public record EnrichConfig(String applicationId, String bootstrapServers, Topics topics, Path stateDir,
                           int streamThreads, RefreshPolicy policy, Map<String, Object> overrides) {

    public static final String DEFAULT_APPLICATION_ID = "keeper-enrich";

    public EnrichConfig {
        overrides = Map.copyOf(overrides);
    }
}
