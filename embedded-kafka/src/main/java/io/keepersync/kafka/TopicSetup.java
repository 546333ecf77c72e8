package io.keepersync.kafka;

import io.keepersync.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's topics and their settings, defined in one place ({@link #specs}), and their creation. Topics
 * that exist already are left as they are: changing a live topic's settings is an operator's decision.
 */
public final class TopicSetup {

    private static final Logger log = LoggerFactory.getLogger(TopicSetup.class);
    private static final String THIRTY_DAYS_MS = String.valueOf(Duration.ofDays(30).toMillis());
    /**
     * How long the enriched topic keeps a deleted contact's tombstone: a sink stopped for longer misses the
     * deletion and should be rebuilt ({@code keeper sink rebuild}).
     */
    private static final String TOMBSTONE_RETENTION_MS = String.valueOf(Duration.ofDays(7).toMillis());
    /** Room for a webhook body at the gateway's 1 MiB limit plus the record's envelope. */
    private static final String MAX_EVENT_BYTES = String.valueOf(2 * 1024 * 1024);
    /** The replication of every topic when none is given: right for the single embedded broker. */
    public static final short EMBEDDED_REPLICATION = 1;

    private TopicSetup() {
    }

    /**
     * Every topic of the pipeline with its settings.
     *
     * @param partitions partitions of the topics keyed by contact; the per-location bookkeeping topics have one
     * @param replicationFactor replicas per partition; empty takes the cluster's default
     */
    public static List<TopicSpec> specs(final Topics topics, final int partitions,
                                        final Optional<Short> replicationFactor) {
        final Map<String, String> events = Map.of(TopicConfig.RETENTION_MS_CONFIG, THIRTY_DAYS_MS,
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, MAX_EVENT_BYTES);
        final Map<String, String> compacted =
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        return List.of(
            new TopicSpec(topics.contactEvents(), partitions, replicationFactor, events,
                "GHL webhooks, reconciliation and backfill events (ContactEvent), keyed by contact"),
            new TopicSpec(topics.quarantine(), 1, replicationFactor, events,
                "signed, well-formed webhooks that are not synced, with the reason (QuarantinedEvent)"),
            new TopicSpec(topics.enrichedContacts(), partitions, replicationFactor,
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.DELETE_RETENTION_MS_CONFIG, TOMBSTONE_RETENTION_MS),
                "latest EnrichedContact per contact, a tombstone once deleted; the store is rebuilt from it"),
            new TopicSpec(topics.locations(), 1, replicationFactor, compacted,
                "every location enrichment has seen: active or uninstalled"),
            new TopicSpec(topics.sweepCursors(), 1, replicationFactor, compacted,
                "where reconciliation stands, per location"),
            new TopicSpec(topics.deadLetters(), partitions, replicationFactor, events,
                "refreshes enrichment gave up on (DeadLetter), keyed by contact"),
            new TopicSpec(topics.backfillProgress(), 1, replicationFactor, compacted,
                "checkpoint and progress of each location's backfill (BackfillProgress)"));
    }

    /**
     * Creates every topic of {@code topics} with {@code partitions} partitions and one replica, as on the embedded
     * broker. Blocks up to 30 s a topic.
     */
    public static void ensure(final Admin admin, final Topics topics, final int partitions) {
        ensure(admin, specs(topics, partitions, Optional.of(EMBEDDED_REPLICATION)));
    }

    /** Creates the topics of {@code specs} that do not exist yet. Blocks up to 30 s a topic. */
    public static void ensure(final Admin admin, final List<TopicSpec> specs) {
        admin.createTopics(specs.stream().map(TopicSpec::newTopic).toList()).values().forEach(TopicSetup::awaitCreated);
    }

    private static void awaitCreated(final String name, final KafkaFuture<Void> future) {
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
