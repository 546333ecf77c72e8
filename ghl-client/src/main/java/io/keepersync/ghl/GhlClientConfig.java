package io.keepersync.ghl;

import io.keepersync.ghl.ratelimit.RateLimitConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of {@link HttpGhlApi}. Start from {@link #defaults()} and change single values with the withers.
 *
 * @param baseUrl where GHL's REST API lives, without a trailing slash
 *     (default {@value #DEFAULT_BASE_URL}); a path prefix is allowed, e.g. for a simulator
 * @param requestTimeout how long one HTTP request (connect and answer) may take before it counts as an
 *     I/O failure and is retried (default 10 s)
 * @param maxAttempts how many HTTP requests one call may send in total, the first one included (default 6)
 * @param initialBackoff the shortest wait between two attempts; waits grow exponentially with jitter from
 *     here (default 500 ms, at least 1 ms)
 * @param maxBackoff the longest wait between two attempts, also the cap on a wait GHL asks for through
 *     {@code Retry-After} or {@code X-RateLimit-Interval-Milliseconds} (default 30 s)
 * @param rateLimit the client-side request budget kept per location: burst, window, how long a request may
 *     wait for a permit, and the daily reserve (default {@link RateLimitConfig#defaults()})
 */
public record GhlClientConfig(
        String baseUrl,
        Duration requestTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        RateLimitConfig rateLimit) {

    /** GHL's production API host (CONTRACT §1). */
    public static final String DEFAULT_BASE_URL = "https://services.leadconnectorhq.com";

    /** Checks the values and drops trailing slashes from {@code baseUrl}. */
    public GhlClientConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(rateLimit, "rateLimit");
        baseUrl = stripTrailingSlashes(baseUrl);
        requirePositive(requestTimeout, "requestTimeout");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.toMillis() < 1) {
            throw new IllegalArgumentException("initialBackoff must be at least 1 ms, was " + initialBackoff);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
        }
    }

    /** Settings with the default {@link RateLimitConfig}. */
    public GhlClientConfig(final String baseUrl, final Duration requestTimeout, final int maxAttempts,
            final Duration initialBackoff, final Duration maxBackoff) {
        this(baseUrl, requestTimeout, maxAttempts, initialBackoff, maxBackoff, RateLimitConfig.defaults());
    }

    /** The production settings listed on the record. */
    public static GhlClientConfig defaults() {
        return new GhlClientConfig(DEFAULT_BASE_URL, Duration.ofSeconds(10), 6,
                Duration.ofMillis(500), Duration.ofSeconds(30), RateLimitConfig.defaults());
    }

    public GhlClientConfig withBaseUrl(final String value) {
        return new GhlClientConfig(value, requestTimeout, maxAttempts, initialBackoff, maxBackoff, rateLimit);
    }

    public GhlClientConfig withRequestTimeout(final Duration value) {
        return new GhlClientConfig(baseUrl, value, maxAttempts, initialBackoff, maxBackoff, rateLimit);
    }

    public GhlClientConfig withMaxAttempts(final int value) {
        return new GhlClientConfig(baseUrl, requestTimeout, value, initialBackoff, maxBackoff, rateLimit);
    }

    public GhlClientConfig withInitialBackoff(final Duration value) {
        return new GhlClientConfig(baseUrl, requestTimeout, maxAttempts, value, maxBackoff, rateLimit);
    }

    public GhlClientConfig withMaxBackoff(final Duration value) {
        return new GhlClientConfig(baseUrl, requestTimeout, maxAttempts, initialBackoff, value, rateLimit);
    }

    public GhlClientConfig withRateLimit(final RateLimitConfig value) {
        return new GhlClientConfig(baseUrl, requestTimeout, maxAttempts, initialBackoff, maxBackoff, value);
    }

    private static String stripTrailingSlashes(final String url) {
        String result = url.strip();
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        final String scheme = result.isEmpty() ? null : URI.create(result).getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL, was '" + url + "'");
        }
        return result;
    }

    private static void requirePositive(final Duration value, final String name) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
