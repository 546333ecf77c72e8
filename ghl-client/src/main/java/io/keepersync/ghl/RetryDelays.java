package io.keepersync.ghl;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How long to wait before the next attempt. A 429 that names a wait is honoured: {@code Retry-After} in
 * seconds first, else {@code X-RateLimit-Interval-Milliseconds} (GHL's rate-limit window, CONTRACT §3).
 * Everything else, and a 429 without such a header, waits an exponentially growing, jittered time. Every
 * wait is capped at {@code maxBackoff}; the computed backoff never drops below {@code initialBackoff}.
 */
final class RetryDelays implements IntervalBiFunction<HttpResponse<byte[]>> {

    static final String RETRY_AFTER = "Retry-After";
    static final String RATE_LIMIT_INTERVAL = "X-RateLimit-Interval-Milliseconds";

    private static final double MULTIPLIER = 2.0;
    private static final double JITTER = 0.5;

    private final long minMillis;
    private final long maxMillis;
    private final IntervalFunction backoff;

    RetryDelays(final GhlClientConfig config) {
        this.minMillis = config.initialBackoff().toMillis();
        this.maxMillis = config.maxBackoff().toMillis();
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(minMillis, MULTIPLIER, JITTER, maxMillis);
    }

    @Override
    public Long apply(final Integer attempt, final Either<Throwable, HttpResponse<byte[]>> outcome) {
        final OptionalLong asked = outcome.isRight() ? askedWait(outcome.get()) : OptionalLong.empty();
        if (asked.isPresent()) {
            return Math.min(asked.getAsLong(), maxMillis);
        }
        return Math.max(minMillis, Math.min(maxMillis, backoff.apply(attempt)));
    }

    private static OptionalLong askedWait(final HttpResponse<byte[]> response) {
        if (response.statusCode() != 429) {
            return OptionalLong.empty();
        }
        final HttpHeaders headers = response.headers();
        final OptionalLong retryAfterSeconds = nonNegative(headers.firstValue(RETRY_AFTER));
        if (retryAfterSeconds.isPresent()) {
            return OptionalLong.of(toMillis(retryAfterSeconds.getAsLong()));
        }
        return nonNegative(headers.firstValue(RATE_LIMIT_INTERVAL));
    }

    private static long toMillis(final long seconds) {
        return seconds >= Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : seconds * 1000;
    }

    /** A whole non-negative number, or empty for anything else (an HTTP date, garbage). */
    private static OptionalLong nonNegative(final Optional<String> header) {
        if (header.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            final long value = Long.parseLong(header.get().strip());
            return value < 0 ? OptionalLong.empty() : OptionalLong.of(value);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
