package io.keepersync.simulator.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of requests the simulator answered, in total and per location, so tests can assert what a client
 * went through (429s, 503s). Requests to {@code POST /oauth/token} are not counted here. Thread-safe.
 */
public final class RequestStats {

    private final AtomicLong total = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final Map<String, LongAdder> perLocation = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> rateLimited = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> serverErrors = new ConcurrentHashMap<>();

    void received() {
        total.incrementAndGet();
    }

    void charged(final String locationId) {
        increment(perLocation, locationId);
    }

    void throttled(final String locationId) {
        throttled.incrementAndGet();
        increment(rateLimited, locationId);
    }

    void serverError(final String locationId) {
        increment(serverErrors, locationId);
    }

    /** Every API request received, rejected ones included. */
    public long total() {
        return total.get();
    }

    /** Requests that passed the Version and token checks and were charged to {@code locationId}, 429s included. */
    public long of(final String locationId) {
        return sum(perLocation, locationId);
    }

    /** Requests answered with 429, by the rate limit or a rate-limit storm. */
    public long throttledCount() {
        return throttled.get();
    }

    /** Requests of {@code locationId} answered with 429, by its rate limit or a rate-limit storm. */
    public long rateLimitedCount(final String locationId) {
        return sum(rateLimited, locationId);
    }

    /** Requests of {@code locationId} answered with 503 by an outage or a burst of server errors. */
    public long serverErrorCount(final String locationId) {
        return sum(serverErrors, locationId);
    }

    /** Requests of every location answered with 503 by an outage or a burst of server errors. */
    public long serverErrorCount() {
        return serverErrors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private static void increment(final Map<String, LongAdder> counts, final String locationId) {
        counts.computeIfAbsent(locationId, id -> new LongAdder()).increment();
    }

    private static long sum(final Map<String, LongAdder> counts, final String locationId) {
        final LongAdder count = counts.get(locationId);
        return count == null ? 0 : count.sum();
    }
}
