package io.keepersync.ghl.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the client-side rate budget kept per GHL location (CONTRACT §3: 100 requests per 10 s and
 * 200,000 per day, per app and location). Start from {@link #defaults()} and change single values with the
 * withers.
 *
 * @param burst most requests started within any {@code window} (default 100); lowered further when GHL's
 *     {@code X-RateLimit-Max} is smaller, and by the process's share ({@link RateBudgets#share(double)})
 * @param window the sliding window {@code burst} applies to (default 10 s); widened when GHL's
 *     {@code X-RateLimit-Interval-Milliseconds} is longer
 * @param maxWait longest time one request waits for a permit before the call fails with a retriable
 *     {@code GhlApiException} of status 429 (default 20 s)
 * @param dailyReserveFraction share of GHL's daily limit below which the location is slowed down in
 *     proportion to what is left and {@link Priority#BACKFILL} gets no permits at all (default 0.1, i.e. under
 *     10 % of {@code X-RateLimit-Limit-Daily}); 0 turns both off
 * @param liveReserveFraction share of the burst kept for {@link Priority#LIVE}: a {@code BACKFILL} permit is
 *     only granted while more than this share of the burst is still free in the window, so backfill alone
 *     starts at most 80 of 100 requests per window (default 0.2); 0 lets backfill use the whole burst
 */
public record RateLimitConfig(int burst, Duration window, Duration maxWait, double dailyReserveFraction,
        double liveReserveFraction) {

    /** Live work's default share of the burst that backfill leaves alone. */
    public static final double DEFAULT_LIVE_RESERVE_FRACTION = 0.2;

    /** Checks the values. */
    public RateLimitConfig {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(maxWait, "maxWait");
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, was " + burst);
        }
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("window must be at least 1 ms, was " + window);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative, was " + maxWait);
        }
        if (!(dailyReserveFraction >= 0 && dailyReserveFraction < 1)) {
            throw new IllegalArgumentException("dailyReserveFraction must be in [0, 1), was " + dailyReserveFraction);
        }
        if (!(liveReserveFraction >= 0 && liveReserveFraction < 1)) {
            throw new IllegalArgumentException("liveReserveFraction must be in [0, 1), was " + liveReserveFraction);
        }
    }

    /** Settings with the default {@code liveReserveFraction} (0.2). */
    public RateLimitConfig(final int burst, final Duration window, final Duration maxWait,
            final double dailyReserveFraction) {
        this(burst, window, maxWait, dailyReserveFraction, DEFAULT_LIVE_RESERVE_FRACTION);
    }

    /**
     * GHL's documented burst (100 per 10 s), 20 s of waiting at most, slowdown under 10 % of the day, a fifth of
     * the burst kept for live work.
     */
    public static RateLimitConfig defaults() {
        return new RateLimitConfig(100, Duration.ofSeconds(10), Duration.ofSeconds(20), 0.1,
                DEFAULT_LIVE_RESERVE_FRACTION);
    }

    public RateLimitConfig withBurst(final int value) {
        return new RateLimitConfig(value, window, maxWait, dailyReserveFraction, liveReserveFraction);
    }

    public RateLimitConfig withWindow(final Duration value) {
        return new RateLimitConfig(burst, value, maxWait, dailyReserveFraction, liveReserveFraction);
    }

    public RateLimitConfig withMaxWait(final Duration value) {
        return new RateLimitConfig(burst, window, value, dailyReserveFraction, liveReserveFraction);
    }

    public RateLimitConfig withDailyReserveFraction(final double value) {
        return new RateLimitConfig(burst, window, maxWait, value, liveReserveFraction);
    }

    public RateLimitConfig withLiveReserveFraction(final double value) {
        return new RateLimitConfig(burst, window, maxWait, dailyReserveFraction, value);
    }
}
