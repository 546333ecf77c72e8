package io.keepersync.enrich.topology;

import java.time.Duration;

/**
 * How enrichment spends GHL calls on a contact's events.
 *
 * @param quietPeriod a contact is refreshed once no event for it arrived for this long, so a burst costs one refresh
 * @param maxDelay a contact with a steady stream of events is refreshed at least this often
 * @param retryDelay wait before retrying a refresh GHL failed after the client's own retries
 * @param dedupeRetention how long a webhook id is remembered; covers GHL's retry span (six retries ~10 min apart)
 */
public record RefreshPolicy(Duration quietPeriod, Duration maxDelay, Duration retryDelay, Duration dedupeRetention) {

    /** 500 ms quiet period, 5 s max delay, 30 s retry delay, 2 h de-duplication window. */
    public static RefreshPolicy defaults() {
        return new RefreshPolicy(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofHours(2));
    }

    /** How often due refreshes are looked for. */
    Duration tick() {
        final Duration half = quietPeriod.dividedBy(2);
        return half.compareTo(Duration.ofMillis(50)) < 0 ? Duration.ofMillis(50) : half;
    }
}
