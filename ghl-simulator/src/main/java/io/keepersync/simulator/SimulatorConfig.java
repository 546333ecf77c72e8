package io.keepersync.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of one {@link GhlSimulator}. Start from {@link #defaults()} and change what a test needs
 * with the {@code with…} methods; every instance is immutable.
 *
 * @param port               HTTP port to listen on; 0 picks a free one
 * @param seed               seed of all generated data, ids and the webhook signing key
 * @param locationIds        GHL locations the simulator serves; empty means "generate one from the seed"
 * @param accessToken        bearer token every request must carry
 * @param latencyMinMillis   lower bound of the random delay added to each request; 0 with max 0 disables it
 * @param latencyMaxMillis   upper bound of that delay
 * @param rateLimitEnabled   whether requests over the limits get 429 (headers are always sent)
 * @param requestsPerWindow  burst limit per location and window (GHL: 100)
 * @param window             length of the sliding burst window (GHL: 10 s)
 * @param dailyLimit         requests per location and day (GHL: 200,000)
 * @param webhookUrl         where webhooks are POSTed; null sends none
 * @param webhookRetryDelay  wait before re-sending a webhook the receiver answered with 429 (GHL: ~10 min)
 * @param accessTokenLifetime how long OAuth access tokens from {@code POST /oauth/token} live, reported as
 *                           {@code expires_in} (GHL: 86,399 s); the default {@code accessToken} never expires
 */
public record SimulatorConfig(
        int port,
        long seed,
        List<String> locationIds,
        String accessToken,
        int latencyMinMillis,
        int latencyMaxMillis,
        boolean rateLimitEnabled,
        int requestsPerWindow,
        Duration window,
        long dailyLimit,
        String webhookUrl,
        Duration webhookRetryDelay,
        Duration accessTokenLifetime) {

    /** Token used when none is configured; only meaningful to this simulator. */
    public static final String DEFAULT_ACCESS_TOKEN = "sim-access-token";

    /** GHL's access-token lifetime ({@code expires_in} 86399, CONTRACT §2.1). */
    public static final Duration DEFAULT_ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(86_399);

    public SimulatorConfig {
        locationIds = List.copyOf(Objects.requireNonNull(locationIds, "locationIds"));
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(webhookRetryDelay, "webhookRetryDelay");
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
        requireRange(port, 0, 65_535, "port");
        requireRange(latencyMinMillis, 0, latencyMaxMillis, "latencyMinMillis");
        requireRange(requestsPerWindow, 1, Integer.MAX_VALUE, "requestsPerWindow");
        if (window.isZero() || window.isNegative() || dailyLimit < 1 || webhookRetryDelay.isNegative()) {
            throw new IllegalArgumentException("window and dailyLimit must be positive, webhookRetryDelay >= 0");
        }
        if (webhookUrl != null) {
            URI.create(webhookUrl);
        }
        if (accessTokenLifetime.isZero() || accessTokenLifetime.isNegative()) {
            throw new IllegalArgumentException("accessTokenLifetime must be positive, was " + accessTokenLifetime);
        }
    }

    /** Settings with GHL's access-token lifetime. */
    public SimulatorConfig(final int port, final long seed, final List<String> locationIds, final String accessToken,
                           final int latencyMinMillis, final int latencyMaxMillis, final boolean rateLimitEnabled,
                           final int requestsPerWindow, final Duration window, final long dailyLimit,
                           final String webhookUrl, final Duration webhookRetryDelay) {
        this(port, seed, locationIds, accessToken, latencyMinMillis, latencyMaxMillis, rateLimitEnabled,
                requestsPerWindow, window, dailyLimit, webhookUrl, webhookRetryDelay, DEFAULT_ACCESS_TOKEN_LIFETIME);
    }

    /** Free port, seed 42, one generated location, 5–25 ms latency, GHL's limits, no webhooks, 1 s retry delay. */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig(0, 42L, List.of(), DEFAULT_ACCESS_TOKEN, 5, 25, true, 100,
                Duration.ofSeconds(10), 200_000L, null, Duration.ofSeconds(1));
    }

    public SimulatorConfig withPort(final int newPort) {
        return new SimulatorConfig(newPort, seed, locationIds, accessToken, latencyMinMillis, latencyMaxMillis,
                rateLimitEnabled, requestsPerWindow, window, dailyLimit,
                webhookUrl, webhookRetryDelay, accessTokenLifetime);
    }

    public SimulatorConfig withSeed(final long newSeed) {
        return new SimulatorConfig(port, newSeed, locationIds, accessToken, latencyMinMillis, latencyMaxMillis,
                rateLimitEnabled, requestsPerWindow, window, dailyLimit,
                webhookUrl, webhookRetryDelay, accessTokenLifetime);
    }

    public SimulatorConfig withLocationIds(final List<String> ids) {
        return new SimulatorConfig(port, seed, ids, accessToken, latencyMinMillis, latencyMaxMillis,
                rateLimitEnabled, requestsPerWindow, window, dailyLimit,
                webhookUrl, webhookRetryDelay, accessTokenLifetime);
    }

    public SimulatorConfig withAccessToken(final String token) {
        return new SimulatorConfig(port, seed, locationIds, token, latencyMinMillis, latencyMaxMillis,
                rateLimitEnabled, requestsPerWindow, window, dailyLimit,
                webhookUrl, webhookRetryDelay, accessTokenLifetime);
    }

    /** Random per-request delay in {@code [minMillis, maxMillis]}. */
    public SimulatorConfig withLatency(final int minMillis, final int maxMillis) {
        return new SimulatorConfig(port, seed, locationIds, accessToken, minMillis, maxMillis,
                rateLimitEnabled, requestsPerWindow, window, dailyLimit,
                webhookUrl, webhookRetryDelay, accessTokenLifetime);
    }

    public SimulatorConfig withoutLatency() {
        return withLatency(0, 0);
    }

    /** Burst limit: {@code requests} per location within any {@code perWindow}. */
    public SimulatorConfig withRateLimit(final int requests, final Duration perWindow) {
        return new SimulatorConfig(port, seed, locationIds, accessToken, latencyMinMillis, latencyMaxMillis,
                rateLimitEnabled, requests, perWindow, dailyLimit,
                webhookUrl, webhookRetryDelay, accessTokenLifetime);
    }

    public SimulatorConfig withRateLimitEnabled(final boolean enabled) {
        return new SimulatorConfig(port, seed, locationIds, accessToken, latencyMinMillis, latencyMaxMillis,
                enabled, requestsPerWindow, window, dailyLimit,
                webhookUrl, webhookRetryDelay, accessTokenLifetime);
    }

    public SimulatorConfig withDailyLimit(final long limit) {
        return new SimulatorConfig(port, seed, locationIds, accessToken, latencyMinMillis, latencyMaxMillis,
                rateLimitEnabled, requestsPerWindow, window, limit,
                webhookUrl, webhookRetryDelay, accessTokenLifetime);
    }

    /** Where to POST webhooks; null turns them off. */
    public SimulatorConfig withWebhookUrl(final String url) {
        return new SimulatorConfig(port, seed, locationIds, accessToken, latencyMinMillis, latencyMaxMillis,
                rateLimitEnabled, requestsPerWindow, window, dailyLimit,
                url, webhookRetryDelay, accessTokenLifetime);
    }

    public SimulatorConfig withWebhookRetryDelay(final Duration delay) {
        return new SimulatorConfig(port, seed, locationIds, accessToken, latencyMinMillis, latencyMaxMillis,
                rateLimitEnabled, requestsPerWindow, window, dailyLimit, webhookUrl, delay, accessTokenLifetime);
    }

    /** Lifetime of OAuth access tokens issued at {@code POST /oauth/token}. */
    public SimulatorConfig withAccessTokenLifetime(final Duration lifetime) {
        return new SimulatorConfig(port, seed, locationIds, accessToken, latencyMinMillis, latencyMaxMillis,
                rateLimitEnabled, requestsPerWindow, window, dailyLimit, webhookUrl, webhookRetryDelay, lifetime);
    }

    private static void requireRange(final long value, final long min, final long max, final String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "] but was " + value);
        }
    }
}
