package io.keepersync.backfill;

import io.keepersync.backfill.search.ContactPager;
import io.keepersync.schemas.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Settings of a backfill. Start from {@link #defaults} and change single values with the withers.
 *
 * @param kafka Kafka client properties, at least {@code bootstrap.servers}
 * @param topics the pipeline's topics: events go to {@link Topics#contactEvents()}, checkpoints to
 *     {@link Topics#backfillProgress()}, and {@link Topics#enrichedContacts()} is watched
 * @param transactionalIdPrefix put before {@code keeper-backfill-<locationId>}, the transactional id of a
 *     location's backfill; the deployment's topic prefix
 * @param enrichmentGroup consumer group (Kafka Streams application id) of enrichment, whose progress on the events
 *     topic tells which published contacts it has consumed
 * @param pageLimit contacts per search page (default 100)
 * @param maxInFlight most published contacts waiting for their enriched record (default 200); a page is
 *     searched only when it fits, which bounds the backlog the backfill adds in front of live events
 * @param confirmTimeout a published contact whose event enrichment consumed this long ago counts as
 *     unconfirmed once no record of any contact in flight appeared for this long either (default 2 min); also
 *     how long without any record before the backfill warns that enrichment may not be running
 * @param checkpointInterval how often a checkpoint is written while waiting for enrichment (default 5 s)
 * @param searchRetryPause wait before searching again after GHL kept failing (default 30 s)
 * @param maxSearchFailures consecutive failed searches after which the backfill stops as FAILED (default 10)
 */
public record BackfillConfig(Map<String, Object> kafka, Topics topics, String transactionalIdPrefix,
                             String enrichmentGroup, int pageLimit, int maxInFlight, Duration confirmTimeout,
                             Duration checkpointInterval, Duration searchRetryPause, int maxSearchFailures) {

    public BackfillConfig {
        kafka = Map.copyOf(kafka);
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(transactionalIdPrefix, "transactionalIdPrefix");
        Objects.requireNonNull(enrichmentGroup, "enrichmentGroup");
        if (!kafka.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("the Kafka properties must name bootstrap.servers");
        }
        if (pageLimit < 1 || maxInFlight < pageLimit) {
            throw new IllegalArgumentException("need 1 <= pageLimit <= maxInFlight, was pageLimit=" + pageLimit
                + " maxInFlight=" + maxInFlight);
        }
        if (maxSearchFailures < 1) {
            throw new IllegalArgumentException("maxSearchFailures must be at least 1, was " + maxSearchFailures);
        }
    }

    /** The default settings for a deployment whose topic names and group ids start with {@code prefix}. */
    public static BackfillConfig defaults(final String bootstrapServers, final Topics topics, final String prefix,
                                          final String enrichmentGroup) {
        return new BackfillConfig(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topics,
            prefix, enrichmentGroup, ContactPager.DEFAULT_PAGE_LIMIT, 2 * ContactPager.DEFAULT_PAGE_LIMIT,
            Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofSeconds(30), 10);
    }

    public BackfillConfig withPageLimit(final int value) {
        return new BackfillConfig(kafka, topics, transactionalIdPrefix, enrichmentGroup, value, maxInFlight,
            confirmTimeout, checkpointInterval, searchRetryPause, maxSearchFailures);
    }

    public BackfillConfig withMaxInFlight(final int value) {
        return new BackfillConfig(kafka, topics, transactionalIdPrefix, enrichmentGroup, pageLimit, value,
            confirmTimeout, checkpointInterval, searchRetryPause, maxSearchFailures);
    }

    public BackfillConfig withConfirmTimeout(final Duration value) {
        return new BackfillConfig(kafka, topics, transactionalIdPrefix, enrichmentGroup, pageLimit, maxInFlight,
            value, checkpointInterval, searchRetryPause, maxSearchFailures);
    }

    public BackfillConfig withCheckpointInterval(final Duration value) {
        return new BackfillConfig(kafka, topics, transactionalIdPrefix, enrichmentGroup, pageLimit, maxInFlight,
            confirmTimeout, value, searchRetryPause, maxSearchFailures);
    }

    public BackfillConfig withSearchRetries(final Duration pause, final int maxFailures) {
        return new BackfillConfig(kafka, topics, transactionalIdPrefix, enrichmentGroup, pageLimit, maxInFlight,
            confirmTimeout, checkpointInterval, pause, maxFailures);
    }
}
