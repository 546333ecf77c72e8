package io.keepersync.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Trouble the simulated REST API makes for one location, so tests can check how a client lives with GHL's
 * bad days. Start from {@link #none()} and switch single faults on with the withers; hand the result to
 * {@link GhlSimulator#setApiFaults(String, ApiFaults)}. Faults apply to the REST endpoints, not to
 * {@code POST /oauth/token}.
 *
 * @param latency         extra delay before every request of the location is answered, on top of the
 *                        configured latency; zero for none
 * @param serverErrors    how many of the location's next requests answer 503 with GHL's error body; counted
 *                        down from the moment the faults are set
 * @param rateLimitStorm  how long, from the moment the faults are set, every request of the location answers 429
 *                        with the rate-limit headers ({@code X-RateLimit-Remaining: 0}); zero for none
 * @param stormRetryAfter whether those 429s carry {@code Retry-After} (whole seconds left in the storm, at
 *                        least 1); GHL documents none, so the default is false
 * @param hang            how long every request of the location hangs before it is answered normally, long
 *                        enough to exceed a client's request timeout; zero for none. Hung requests are released
 *                        early when the location's faults change or the simulator closes
 * @param outage          whether every request of the location answers 503 until the faults change
 * @param tokenTtl        lifetime of the location's OAuth access tokens, counted from when each was issued,
 *                        overriding {@link SimulatorConfig#accessTokenLifetime()} without telling the client
 *                        (its {@code expires_in} stays); an expired token gets 401. Null leaves tokens alone
 */
public record ApiFaults(
        Duration latency,
        int serverErrors,
        Duration rateLimitStorm,
        boolean stormRetryAfter,
        Duration hang,
        boolean outage,
        Duration tokenTtl) {

    private static final ApiFaults NONE = new ApiFaults(Duration.ZERO, 0, Duration.ZERO, false, Duration.ZERO,
            false, null);

    /** Checks the values. */
    public ApiFaults {
        requireNotNegative(latency, "latency");
        requireNotNegative(rateLimitStorm, "rateLimitStorm");
        requireNotNegative(hang, "hang");
        if (tokenTtl != null) {
            requireNotNegative(tokenTtl, "tokenTtl");
        }
        if (serverErrors < 0) {
            throw new IllegalArgumentException("serverErrors must not be negative, was " + serverErrors);
        }
    }

    /** No fault at all: the location is served normally. */
    public static ApiFaults none() {
        return NONE;
    }

    /** Whether this switches nothing on. */
    public boolean isNone() {
        return equals(NONE);
    }

    public ApiFaults withLatency(final Duration value) {
        return new ApiFaults(value, serverErrors, rateLimitStorm, stormRetryAfter, hang, outage, tokenTtl);
    }

    /** The location's next {@code count} requests answer 503. */
    public ApiFaults withServerErrors(final int count) {
        return new ApiFaults(latency, count, rateLimitStorm, stormRetryAfter, hang, outage, tokenTtl);
    }

    /** Every request answers 429 for {@code duration}, with {@code Retry-After} when {@code sendRetryAfter}. */
    public ApiFaults withRateLimitStorm(final Duration duration, final boolean sendRetryAfter) {
        return new ApiFaults(latency, serverErrors, duration, sendRetryAfter, hang, outage, tokenTtl);
    }

    /** Every request hangs for {@code duration} before it is answered (a client timeout). */
    public ApiFaults withHang(final Duration duration) {
        return new ApiFaults(latency, serverErrors, rateLimitStorm, stormRetryAfter, duration, outage, tokenTtl);
    }

    /** Every request answers 503 while {@code down}. */
    public ApiFaults withOutage(final boolean down) {
        return new ApiFaults(latency, serverErrors, rateLimitStorm, stormRetryAfter, hang, down, tokenTtl);
    }

    /** OAuth access tokens of the location expire {@code ttl} after they were issued; null turns this off. */
    public ApiFaults withTokenTtl(final Duration ttl) {
        return new ApiFaults(latency, serverErrors, rateLimitStorm, stormRetryAfter, hang, outage, ttl);
    }

    private static void requireNotNegative(final Duration value, final String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }
}
