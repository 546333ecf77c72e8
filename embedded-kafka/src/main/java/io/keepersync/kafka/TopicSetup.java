package io.keepersync.kafka;

import io.keepersync.schemas.Topics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the pipeline's topics when they do not exist yet; existing topics are left as they are. */
public final class TopicSetup {

    private static final Logger log = LoggerFactory.getLogger(TopicSetup.class);
    private static final long THIRTY_DAYS_MS = 30L * 24 * 3600 * 1000;
    /** Room for a webhook body at the gateway's 1 MiB limit plus the record's envelope. */
    private static final int MAX_EVENT_BYTES = 2 * 1024 * 1024;

    private TopicSetup() {
    }

    /** Creates every topic of {@code topics} with {@code partitions} partitions. Blocks up to 30 s. */
    public static void ensure(final Admin admin, final Topics topics, final int partitions) {
        final Optional<Integer> partitionCount = Optional.of(partitions);
        final Optional<Short> replication = Optional.empty();
        final List<NewTopic> wanted = List.of(
            new NewTopic(topics.contactEvents(), partitionCount, replication)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(THIRTY_DAYS_MS),
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(MAX_EVENT_BYTES))),
            new NewTopic(topics.quarantine(), Optional.of(1), replication)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(THIRTY_DAYS_MS),
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(MAX_EVENT_BYTES))),
            new NewTopic(topics.enrichedContacts(), partitionCount, replication)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
            new NewTopic(topics.locations(), Optional.of(1), replication)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
            new NewTopic(topics.sweepCursors(), Optional.of(1), replication)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
            new NewTopic(topics.deadLetters(), partitionCount, replication)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(THIRTY_DAYS_MS))),
            new NewTopic(topics.backfillProgress(), Optional.of(1), replication)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        admin.createTopics(wanted).values().forEach((name, future) -> awaitCreated(name, future));
    }

    private static void awaitCreated(final String name, final org.apache.kafka.common.KafkaFuture<Void> future) {
        try {
            future.get(30, TimeUnit.SECONDS);
            log.info("Created topic topic={}", name);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out creating topic " + name, e);
        }
    }
}
