package io.keepersync.simulator.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counts of requests the simulator answered. Thread-safe. */
public final class RequestStats {

    private final AtomicLong total = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final Map<String, LongAdder> perLocation = new ConcurrentHashMap<>();

    void received() {
        total.incrementAndGet();
    }

    void charged(final String locationId) {
        perLocation.computeIfAbsent(locationId, id -> new LongAdder()).increment();
    }

    void throttled() {
        throttled.incrementAndGet();
    }

    /** Every API request received, rejected ones included. */
    public long total() {
        return total.get();
    }

    /** Requests that passed the Version and token checks and were charged to {@code locationId}, 429s included. */
    public long of(final String locationId) {
        final LongAdder count = perLocation.get(locationId);
        return count == null ? 0 : count.sum();
    }

    /** Requests answered with 429. */
    public long throttledCount() {
        return throttled.get();
    }
}
