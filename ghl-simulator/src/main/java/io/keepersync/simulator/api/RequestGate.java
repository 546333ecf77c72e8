package io.keepersync.simulator.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.keepersync.simulator.ratelimit.RateDecision;
import io.keepersync.simulator.ratelimit.RateLimiter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * What every API call goes through before its handler, in GHL's order: simulated latency, the
 * {@code Version} header, the bearer token, then the location's rate limit (whose headers are set on
 * the answer). Runs on the Jetty request thread and sleeps there for the latency.
 */
final class RequestGate {

    /** Values GHL answers 200 for on contacts and calendars (CONTRACT §1). */
    static final Set<String> VERSIONS = Set.of("2021-07-28", "2021-04-15", "2023-02-21", "v3");

    private final byte[] expectedAuthorization;
    private final int latencyMin;
    private final int latencyMax;
    private final RateLimiter limiter;
    private final RequestStats stats;
    private final String fallbackLocation;

    /**
     * @param fallbackLocation location charged when a request names none that exists (404s, 403s)
     */
    RequestGate(final String accessToken, final int latencyMin, final int latencyMax, final RateLimiter limiter,
                final RequestStats stats, final String fallbackLocation) {
        this.expectedAuthorization = ("Bearer " + accessToken).getBytes(StandardCharsets.UTF_8);
        this.latencyMin = latencyMin;
        this.latencyMax = latencyMax;
        this.limiter = limiter;
        this.stats = stats;
        this.fallbackLocation = fallbackLocation;
    }

    /** {@code handler} behind the checks; {@code locationOf} names the location the request is charged to. */
    Handler guard(final Function<Context, Optional<String>> locationOf, final Handler handler) {
        return ctx -> {
            stats.received();
            pause();
            checkVersion(ctx.header("Version"));
            checkToken(ctx.header("Authorization"));
            charge(ctx, locationOf.apply(ctx).orElse(fallbackLocation));
            handler.handle(ctx);
        };
    }

    private void pause() throws InterruptedException {
        if (latencyMax > 0) {
            Thread.sleep(ThreadLocalRandom.current().nextInt(latencyMin, latencyMax + 1));
        }
    }

    private static void checkVersion(final String version) {
        if (version == null || version.isBlank()) {
            throw ApiError.version("version header was not found.");
        }
        if (!VERSIONS.contains(version.trim())) {
            throw ApiError.version("version header is invalid");
        }
    }

    private void checkToken(final String authorization) {
        final byte[] given = authorization == null ? new byte[0] : authorization.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, expectedAuthorization)) {
            throw ApiError.unauthorized("Invalid token: access token is invalid");
        }
    }

    private void charge(final Context ctx, final String locationId) {
        stats.charged(locationId);
        final RateDecision decision = limiter.acquire(locationId);
        ctx.header("X-RateLimit-Limit-Daily", Long.toString(decision.dailyLimit()));
        ctx.header("X-RateLimit-Daily-Remaining", Long.toString(decision.dailyRemaining()));
        ctx.header("X-RateLimit-Interval-Milliseconds", Long.toString(decision.intervalMillis()));
        ctx.header("X-RateLimit-Max", Integer.toString(decision.max()));
        ctx.header("X-RateLimit-Remaining", Integer.toString(decision.remaining()));
        if (!decision.allowed()) {
            stats.throttled();
            throw ApiError.tooManyRequests();
        }
    }
}
