package io.keepersync.enrich.topology;

import java.time.Duration;

/**
 * How enrichment spends GHL calls on a contact's events.
 *
 * @param quietPeriod a contact is refreshed once no event for it arrived for this long, so a burst costs one refresh
 * @param maxDelay a contact with a steady stream of events is refreshed at least this often
 * @param retryDelay wait before retrying a refresh GHL failed after the client's own retries
 * @param dedupeRetention how long a webhook id is remembered; covers GHL's retry span (six retries ~10 min apart)
 * @param tickBudget how long one round of due refreshes may run before it yields, so that the stream thread
 *     commits and polls in time even while GHL is slow; what is left waits for the next round
 */
public record RefreshPolicy(Duration quietPeriod, Duration maxDelay, Duration retryDelay, Duration dedupeRetention,
                            Duration tickBudget) {

    /** 500 ms quiet period, 5 s max delay, 30 s retry delay, 2 h de-duplication window, 20 s per round. */
    public static RefreshPolicy defaults() {
        return new RefreshPolicy(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofHours(2),
            Duration.ofSeconds(20));
    }

    /** The same policy with another quiet period, max delay and retry delay (tests shorten them). */
    public RefreshPolicy withTimings(final Duration quiet, final Duration max, final Duration retry) {
        return new RefreshPolicy(quiet, max, retry, dedupeRetention, tickBudget);
    }

    /** Failures GHL will not fix by itself (a refused token, a forbidden location) wait this long. */
    Duration refusedRetryDelay() {
        return retryDelay.multipliedBy(10);
    }

    /** How often due refreshes are looked for. */
    Duration tick() {
        final Duration half = quietPeriod.dividedBy(2);
        return half.compareTo(Duration.ofMillis(50)) < 0 ? Duration.ofMillis(50) : half;
    }
}
