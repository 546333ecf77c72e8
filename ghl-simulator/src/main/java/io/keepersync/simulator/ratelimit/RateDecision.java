package io.keepersync.simulator.ratelimit;

/**
 * The outcome of one request against a location's budget, with the values of GHL's rate-limit headers.
 *
 * @param allowed          false when the request is answered with 429
 * @param max              {@code X-RateLimit-Max}
 * @param remaining        {@code X-RateLimit-Remaining}, after this request
 * @param intervalMillis   {@code X-RateLimit-Interval-Milliseconds}
 * @param dailyLimit       {@code X-RateLimit-Limit-Daily}
 * @param dailyRemaining   {@code X-RateLimit-Daily-Remaining}, after this request
 */
public record RateDecision(boolean allowed, int max, int remaining, long intervalMillis, long dailyLimit,
                           long dailyRemaining) {
}
