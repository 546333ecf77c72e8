package io.keepersync.ghl.ratelimit;

import io.keepersync.ghl.GhlApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link RateBudget} per GHL location, created on first use and kept for the life of the client.
 *
 * <p>Metrics, tagged {@code locationId}: timer {@value #WAIT_METER}, one sample per request that had to wait
 * for a permit, and counter {@value #REJECTED_METER}, requests that got no permit within {@code maxWait}.
 * Thread-safe.
 */
public final class RateBudgets {

    static final String WAIT_METER = "ghl.ratelimit.wait";
    static final String REJECTED_METER = "ghl.ratelimit.rejected";

    private final RateLimitConfig config;
    private final MeterRegistry registry;
    private final Map<String, RateBudget> budgets = new ConcurrentHashMap<>();

    public RateBudgets(final RateLimitConfig config, final MeterRegistry registry) {
        this.config = Objects.requireNonNull(config, "config");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Takes one permit of the location's budget, blocking the calling thread up to {@code maxWait}.
     *
     * @throws GhlApiException with status 429 (retriable) when no permit came within {@code maxWait}
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    public void acquire(final String locationId, final Priority priority, final Duration maxWait)
            throws InterruptedException {
        final Duration waited;
        try {
            waited = budget(locationId).acquire(priority, maxWait);
        } catch (GhlApiException e) {
            rejected(locationId).increment();
            throw e;
        }
        if (!waited.isZero()) {
            waits(locationId).record(waited);
        }
    }

    /** {@link #acquire(String, Priority, Duration)} with the configured {@code maxWait}. */
    public void acquire(final String locationId, final Priority priority) throws InterruptedException {
        acquire(locationId, priority, config.maxWait());
    }

    /** Feeds one answer of GHL for the location into its budget. */
    public void observe(final String locationId, final int status, final HttpHeaders headers) {
        budget(locationId).observe(status, headers);
    }

    private RateBudget budget(final String locationId) {
        return budgets.computeIfAbsent(locationId, id -> new RateBudget(id, config));
    }

    private Timer waits(final String locationId) {
        return Timer.builder(WAIT_METER)
                .description("Time GHL requests waited for a permit of the location's rate budget")
                .tag("locationId", locationId)
                .register(registry);
    }

    private Counter rejected(final String locationId) {
        return Counter.builder(REJECTED_METER)
                .description("GHL requests that got no rate-budget permit within maxWait")
                .tag("locationId", locationId)
                .register(registry);
    }
}
