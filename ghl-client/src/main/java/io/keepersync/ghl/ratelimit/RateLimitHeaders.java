package io.keepersync.ghl.ratelimit;

import java.net.http.HttpHeaders;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The rate-limit headers of one GHL answer (CONTRACT §3), each empty when absent or not a whole
 * non-negative number. {@code Retry-After} is read in seconds and kept in milliseconds.
 */
record RateLimitHeaders(
        OptionalLong max,
        OptionalLong remaining,
        OptionalLong intervalMillis,
        OptionalLong dailyLimit,
        OptionalLong dailyRemaining,
        OptionalLong retryAfterMillis) {

    static final String MAX = "X-RateLimit-Max";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String INTERVAL = "X-RateLimit-Interval-Milliseconds";
    static final String DAILY_LIMIT = "X-RateLimit-Limit-Daily";
    static final String DAILY_REMAINING = "X-RateLimit-Daily-Remaining";
    static final String RETRY_AFTER = "Retry-After";

    private static final long MAX_SECONDS = Long.MAX_VALUE / 1000;

    static RateLimitHeaders of(final HttpHeaders headers) {
        final OptionalLong retryAfterSeconds = number(headers, RETRY_AFTER);
        final OptionalLong retryAfter = retryAfterSeconds.isPresent()
                ? OptionalLong.of(Math.min(retryAfterSeconds.getAsLong(), MAX_SECONDS) * 1000)
                : OptionalLong.empty();
        return new RateLimitHeaders(number(headers, MAX), number(headers, REMAINING), number(headers, INTERVAL),
                number(headers, DAILY_LIMIT), number(headers, DAILY_REMAINING), retryAfter);
    }

    private static OptionalLong number(final HttpHeaders headers, final String name) {
        final Optional<String> value = headers.firstValue(name);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            final long parsed = Long.parseLong(value.get().strip());
            return parsed < 0 ? OptionalLong.empty() : OptionalLong.of(parsed);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
