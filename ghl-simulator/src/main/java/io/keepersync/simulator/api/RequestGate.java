package io.keepersync.simulator.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.keepersync.simulator.auth.SimulatedAuth;
import io.keepersync.simulator.auth.TokenCheck;
import io.keepersync.simulator.ratelimit.RateDecision;
import io.keepersync.simulator.ratelimit.RateLimiter;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * What every API call goes through before its handler, in GHL's order: simulated latency and the
 * location's faults (extra latency, hangs, 503s), the {@code Version} header, the bearer token, then the
 * location's rate limit or rate-limit storm (whose headers are set on the answer). Runs on the Jetty request
 * thread and sleeps there for latency and hangs.
 */
final class RequestGate {

    /** Values GHL answers 200 for on contacts and calendars (CONTRACT §1). */
    static final Set<String> VERSIONS = Set.of("2021-07-28", "2021-04-15", "2023-02-21", "v3");

    static final String INVALID_TOKEN = "Invalid token: access token is invalid";
    static final String EXPIRED_TOKEN = "Invalid JWT: token has expired";

    private final SimulatedAuth auth;
    private final FaultSwitch faults;
    private final int latencyMin;
    private final int latencyMax;
    private final RateLimiter limiter;
    private final RequestStats stats;
    private final String fallbackLocation;

    /**
     * @param fallbackLocation location charged when a request names none that exists (404s, 403s) and its
     *                         token is bound to none
     */
    RequestGate(final SimulatedAuth auth, final FaultSwitch faults, final int latencyMin, final int latencyMax,
                final RateLimiter limiter, final RequestStats stats, final String fallbackLocation) {
        this.auth = auth;
        this.faults = faults;
        this.latencyMin = latencyMin;
        this.latencyMax = latencyMax;
        this.limiter = limiter;
        this.stats = stats;
        this.fallbackLocation = fallbackLocation;
    }

    /** {@code handler} behind the checks; {@code locationOf} names the location the request is about. */
    Handler guard(final Function<Context, Optional<String>> locationOf, final Handler handler) {
        return ctx -> {
            stats.received();
            final Optional<String> named = locationOf.apply(ctx);
            final String authorization = ctx.header("Authorization");
            final String target = named.or(() -> auth.boundLocation(authorization)).orElse(fallbackLocation);
            pause();
            faults.delay(target);
            faults.refuseIfUnavailable(target);
            checkVersion(ctx.header("Version"));
            checkToken(authorization, named);
            charge(ctx, target);
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

    private void checkToken(final String authorization, final Optional<String> named) {
        final TokenCheck check = auth.check(authorization, named, faults::tokenTtl);
        switch (check.outcome()) {
            case INVALID -> throw ApiError.unauthorized(INVALID_TOKEN);
            case EXPIRED -> throw ApiError.unauthorized(EXPIRED_TOKEN);
            case WRONG_LOCATION -> throw ApiError.forbiddenLocation();
            case ACCEPTED -> {
            }
        }
    }

    private void charge(final Context ctx, final String locationId) {
        stats.charged(locationId);
        final OptionalLong storm = faults.stormSecondsLeft(locationId);
        final RateDecision decision = storm.isPresent() ? limiter.refuse(locationId) : limiter.acquire(locationId);
        ctx.header("X-RateLimit-Limit-Daily", Long.toString(decision.dailyLimit()));
        ctx.header("X-RateLimit-Daily-Remaining", Long.toString(decision.dailyRemaining()));
        ctx.header("X-RateLimit-Interval-Milliseconds", Long.toString(decision.intervalMillis()));
        ctx.header("X-RateLimit-Max", Integer.toString(decision.max()));
        ctx.header("X-RateLimit-Remaining", Integer.toString(decision.remaining()));
        if (storm.isPresent() && faults.stormRetryAfter(locationId)) {
            ctx.header("Retry-After", Long.toString(storm.getAsLong()));
        }
        if (!decision.allowed()) {
            stats.throttled(locationId);
            throw ApiError.tooManyRequests();
        }
    }
}
