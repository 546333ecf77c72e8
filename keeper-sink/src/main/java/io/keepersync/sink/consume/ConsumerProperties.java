package io.keepersync.sink.consume;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** The consumer settings the sink relies on, laid over the operator's Kafka properties. */
final class ConsumerProperties {

    private ConsumerProperties() {
    }

    static Map<String, Object> of(final Map<String, Object> kafkaProperties, final String groupId) {
        final Map<String, Object> properties = new HashMap<>(kafkaProperties);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // The store holds the progress; Kafka's committed offsets are informational only.
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Enrichment writes transactionally; aborted records must never reach the store.
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Only used when a stored position has fallen off the log, for example after the topic was recreated.
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return properties;
    }
}
