package io.keepersync.gateway.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Refuses signed webhooks whose {@code timestamp} lies outside the window GHL can have sent them in, so a
 * captured delivery cannot be replayed later: older than the configured age (GHL retries for about 70
 * minutes, so the age must be longer) or more than {@link #MAX_AHEAD} in the future. Bodies without a
 * readable {@code timestamp} pass, since not every event type documents one. Thread-safe.
 */
final class FreshnessCheck {

    /** Clock skew tolerated for timestamps ahead of the gateway's clock. */
    static final Duration MAX_AHEAD = Duration.ofMinutes(10);

    private static final String CODE = "stale_webhook";

    private final Duration maxAge;
    private final Clock clock;

    FreshnessCheck(final Duration maxAge, final Clock clock) {
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** @throws RejectedRequest 400 {@code stale_webhook} when the timestamp is outside the window */
    void require(final JsonNode body) {
        final Instant timestamp = WebhookClassifier.occurredAt(body.path("timestamp"));
        if (timestamp == null) {
            return;
        }
        final Instant now = clock.instant();
        if (timestamp.isBefore(now.minus(maxAge))) {
            throw new RejectedRequest(400, CODE, "The webhook's timestamp is more than " + describe(maxAge)
                + " old. Old deliveries are refused so that recorded requests cannot be replayed.");
        }
        if (timestamp.isAfter(now.plus(MAX_AHEAD))) {
            throw new RejectedRequest(400, CODE, "The webhook's timestamp is more than " + describe(MAX_AHEAD)
                + " in the future. Check the sender's clock.");
        }
    }

    private static String describe(final Duration duration) {
        if (duration.toSeconds() % 3600 == 0) {
            return duration.toHours() + " h";
        }
        if (duration.toSeconds() % 60 == 0) {
            return duration.toMinutes() + " min";
        }
        return duration.toSeconds() + " s";
    }
}
