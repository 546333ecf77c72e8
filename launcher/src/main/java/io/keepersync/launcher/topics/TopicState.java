package io.keepersync.launcher.topics;

import io.keepersync.kafka.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * One topic as {@code keeper topics} shows it: read from the cluster when it exists, else from its spec.
 *
 * @param retention how long records are kept, or {@code latest per key} for a compacted topic
 */
record TopicState(String name, boolean exists, String partitions, String replication, String cleanupPolicy,
                  String retention, String purpose) {

    private static final long TIMEOUT_SECONDS = 15;

    /** The state of each spec's topic, in the specs' order. */
    static List<TopicState> describe(final Admin admin, final List<TopicSpec> specs) {
        try {
            final Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            final List<String> names = specs.stream().map(TopicSpec::name).filter(existing::contains).toList();
            final Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            final Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            final List<TopicState> states = new ArrayList<>();
            for (final TopicSpec spec : specs) {
                final TopicDescription topic = described.get(spec.name());
                states.add(topic == null ? planned(spec)
                    : actual(spec, topic, configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()))));
            }
            return states;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while describing topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("cannot describe the topics", e);
        }
    }

    private static TopicState actual(final TopicSpec spec, final TopicDescription topic, final Config config) {
        final String cleanup = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        final String retentionMs = config.get(TopicConfig.RETENTION_MS_CONFIG).value();
        return new TopicState(spec.name(), true, String.valueOf(topic.partitions().size()),
            String.valueOf(topic.partitions().get(0).replicas().size()), cleanup,
            retention(cleanup, Long.parseLong(retentionMs)), spec.purpose());
    }

    private static TopicState planned(final TopicSpec spec) {
        final String cleanup = spec.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT
            : TopicConfig.CLEANUP_POLICY_DELETE;
        return new TopicState(spec.name(), false, String.valueOf(spec.partitions()),
            spec.replicationFactor().map(String::valueOf).orElse("default"), cleanup,
            retention(cleanup, spec.retention().map(Duration::toMillis).orElse(-1L)), spec.purpose());
    }

    private static String retention(final String cleanup, final long millis) {
        if (!cleanup.contains(TopicConfig.CLEANUP_POLICY_DELETE)) {
            return "latest per key";
        }
        if (millis < 0) {
            return "forever";
        }
        final Duration retention = Duration.ofMillis(millis);
        if (retention.toHours() % 24 == 0 && retention.toDays() > 0) {
            return retention.toDays() + "d";
        }
        return retention.toHours() > 0 ? retention.toHours() + "h" : retention.toMillis() + "ms";
    }
}
