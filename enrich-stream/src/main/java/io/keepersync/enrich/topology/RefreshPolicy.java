package io.keepersync.enrich.topology;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.Objects;

/**
 * How enrichment spends GHL calls on a contact's events, and how long it keeps trying when GHL fails.
 *
 * @param quietPeriod a contact is refreshed once no event for it arrived for this long, so a burst costs one refresh
 * @param maxDelay a contact with a steady stream of events is refreshed at least this often
 * @param retryDelay first wait before retrying a refresh GHL failed after the client's own retries; doubles
 *     with each failure (with jitter) up to {@code maxRetryDelay}. Refusals (401, 403) start ten times higher.
 * @param maxRetryDelay longest wait between two attempts
 * @param deadLetterAfter a refresh still failing this long after its first failure goes to the dead-letter
 *     topic; longer than an outage GHL is expected to recover from by itself
 * @param dedupeRetention how long a webhook id is remembered; covers GHL's retry span (six retries ~10 min apart)
 */
public record RefreshPolicy(Duration quietPeriod, Duration maxDelay, Duration retryDelay, Duration maxRetryDelay,
                            Duration deadLetterAfter, Duration dedupeRetention) {

    private static final double BACKOFF_MULTIPLIER = 2.0;
    private static final double JITTER = 0.2;

    public RefreshPolicy {
        Objects.requireNonNull(quietPeriod, "quietPeriod");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(retryDelay, "retryDelay");
        Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
        Objects.requireNonNull(deadLetterAfter, "deadLetterAfter");
        Objects.requireNonNull(dedupeRetention, "dedupeRetention");
        if (retryDelay.toMillis() < 1 || maxRetryDelay.compareTo(retryDelay) < 0) {
            throw new IllegalArgumentException("need 1 ms <= retryDelay <= maxRetryDelay, was " + retryDelay
                + " and " + maxRetryDelay);
        }
    }

    /**
     * 500 ms quiet period, 5 s max delay, retries from 30 s up to 10 min apart, dead letter after 6 h of
     * failing, 2 h de-duplication window.
     */
    public static RefreshPolicy defaults() {
        return new RefreshPolicy(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofMinutes(10), Duration.ofHours(6), Duration.ofHours(2));
    }

    /** The same policy with another quiet period, max delay and first retry delay (tests shorten them). */
    public RefreshPolicy withTimings(final Duration quiet, final Duration max, final Duration retry) {
        final Duration longest = maxRetryDelay.compareTo(retry) < 0 ? retry : maxRetryDelay;
        return new RefreshPolicy(quiet, max, retry, longest, deadLetterAfter, dedupeRetention);
    }

    /** The same policy with another retry schedule and dead-letter bound. */
    public RefreshPolicy withRetries(final Duration first, final Duration longest, final Duration giveUpAfter) {
        return new RefreshPolicy(quietPeriod, maxDelay, first, longest, giveUpAfter, dedupeRetention);
    }

    /** How long to wait after the {@code attempts}-th failure in a row; {@code refused}: 401/403, not a fault. */
    Duration retryDelay(final int attempts, final boolean refused) {
        final long first = refused ? Math.min(retryDelay.toMillis() * 10, maxRetryDelay.toMillis()) : retryDelay.toMillis();
        final IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(first, BACKOFF_MULTIPLIER, JITTER,
            maxRetryDelay.toMillis());
        return Duration.ofMillis(backoff.apply(Math.max(1, attempts)));
    }

    /** How often due refreshes are looked for. */
    Duration tick() {
        final Duration half = quietPeriod.dividedBy(2);
        return half.compareTo(Duration.ofMillis(50)) < 0 ? Duration.ofMillis(50) : half;
    }
}
