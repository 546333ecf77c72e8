package io.keepersync.ghl;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for GHL's {@code GET /contacts/{id}} that enforces its own sliding-window limit the way GHL
 * does: {@code max} requests per {@code interval}, 429 beyond that, and the {@code X-RateLimit-*} headers on
 * every answer.
 */
final class LimitingGhl implements AutoCloseable {

    private final int max;
    private final long intervalNanos;
    private final long advertisedIntervalMillis;
    private final String contactJson;
    private final ArrayDeque<Long> arrivals = new ArrayDeque<>();
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final Javalin server;

    /**
     * @param enforced the window the stub counts over; a little shorter than {@code advertised} so that
     *     network jitter between the client's permit and the stub's arrival cannot make a false 429
     * @param advertised the interval sent in {@code X-RateLimit-Interval-Milliseconds}
     */
    private LimitingGhl(final int max, final Duration enforced, final Duration advertised, final String contactJson) {
        this.max = max;
        this.intervalNanos = enforced.toNanos();
        this.advertisedIntervalMillis = advertised.toMillis();
        this.contactJson = contactJson;
        this.server = Javalin.create(cfg -> cfg.routes.get(StubGhl.CONTACT, this::answer));
    }

    static LimitingGhl start(final int max, final Duration enforced, final Duration advertised,
            final String contactJson) {
        final LimitingGhl stub = new LimitingGhl(max, enforced, advertised, contactJson);
        stub.server.start("127.0.0.1", 0);
        return stub;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    int served() {
        return served.get();
    }

    int refused() {
        return refused.get();
    }

    @Override
    public void close() {
        server.stop();
    }

    private void answer(final Context ctx) {
        final int remaining = admit(System.nanoTime());
        ctx.header("X-RateLimit-Max", Integer.toString(max))
                .header("X-RateLimit-Interval-Milliseconds", Long.toString(advertisedIntervalMillis))
                .header("X-RateLimit-Limit-Daily", "200000")
                .header("X-RateLimit-Daily-Remaining", "199000")
                .header("X-RateLimit-Remaining", Integer.toString(Math.max(remaining, 0)))
                .contentType("application/json");
        if (remaining < 0) {
            refused.incrementAndGet();
            ctx.status(429).result("{\"statusCode\":429,\"message\":\"Too Many Requests\"}");
            return;
        }
        served.incrementAndGet();
        ctx.status(200).result(contactJson);
    }

    /** Counts the arrival if the window has room: the requests left after it, or -1 when refused. */
    private synchronized int admit(final long now) {
        while (!arrivals.isEmpty() && arrivals.peekFirst() + intervalNanos <= now) {
            arrivals.removeFirst();
        }
        if (arrivals.size() >= max) {
            return -1;
        }
        arrivals.addLast(now);
        return max - arrivals.size();
    }
}
