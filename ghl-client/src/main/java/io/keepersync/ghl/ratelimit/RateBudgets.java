package io.keepersync.ghl.ratelimit;

import io.keepersync.ghl.GhlApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link RateBudget} per GHL location, created on first use and kept for the life of the client, all
 * using the same {@linkplain #share(double) share} of the burst.
 *
 * <p>Metrics, tagged {@code locationId}: timer {@value #WAIT_METER}, one sample per request that had to wait
 * for a permit, and counter {@value #REJECTED_METER}, requests that got no permit within {@code maxWait}.
 * Thread-safe.
 */
public final class RateBudgets {

    static final String WAIT_METER = "ghl.ratelimit.wait";
    static final String REJECTED_METER = "ghl.ratelimit.rejected";
    /** A permit granted this long after it was asked for counts as a wait. */
    private static final long WAITED_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private static final Logger LOG = LoggerFactory.getLogger(RateBudgets.class);

    private final RateLimitConfig config;
    private final MeterRegistry registry;
    private final Map<String, RateBudget> budgets = new ConcurrentHashMap<>();
    private volatile double share = 1.0;

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
    public long acquire(final String locationId, final Priority priority, final Duration maxWait)
            throws InterruptedException {
        final long asked = System.nanoTime();
        final long granted;
        try {
            granted = budget(locationId).acquireAt(priority, maxWait);
        } catch (GhlApiException e) {
            rejected(locationId).increment();
            throw e;
        }
        if (granted - asked > WAITED_NANOS) {
            waits(locationId).record(Duration.ofNanos(granted - asked));
        }
        return granted;
    }

    /**
     * The request of a permit {@link #acquire} granted at {@code grantedAt} was answered (or failed) now; the
     * permit's place in the window moves to now, see {@link RateBudget#answered}.
     */
    public void answered(final String locationId, final long grantedAt) {
        budget(locationId).answered(grantedAt);
    }

    /** {@link #acquire(String, Priority, Duration)} with the configured {@code maxWait}. */
    public long acquire(final String locationId, final Priority priority) throws InterruptedException {
        return acquire(locationId, priority, config.maxWait());
    }

    /** Feeds one answer of GHL for the location into its budget. */
    public void observe(final String locationId, final int status, final HttpHeaders headers) {
        budget(locationId).observe(status, headers);
    }

    /**
     * Sets the share (0, 1] of every location's burst this process may use, from now on and for locations
     * seen later too: with N instances calling GHL for the same app and locations, each takes 1/N. GHL's
     * {@code X-RateLimit-Remaining} still caps what is left.
     *
     * @throws IllegalArgumentException when {@code fraction} is not in (0, 1]
     */
    public void share(final double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("share must be in (0, 1], was " + fraction);
        }
        synchronized (budgets) {
            share = fraction;
            budgets.values().forEach(budget -> budget.share(fraction));
        }
        LOG.info("GHL rate budget share set share={} burstPerLocation={}", fraction,
                Math.max(1, (int) Math.floor(config.burst() * fraction + 1e-9)));
    }

    /** The share of each location's burst this process uses; 1 unless {@link #share(double)} changed it. */
    public double share() {
        return share;
    }

    /** What GHL last said is left of the location's daily budget; empty before any answer said so. */
    public OptionalLong dailyRemaining(final String locationId) {
        final RateBudget budget = budgets.get(locationId);
        return budget == null ? OptionalLong.empty() : budget.dailyRemaining();
    }

    private RateBudget budget(final String locationId) {
        final RateBudget known = budgets.get(locationId);
        if (known != null) {
            return known;
        }
        synchronized (budgets) {
            return budgets.computeIfAbsent(locationId, id -> {
                final RateBudget budget = new RateBudget(id, config);
                budget.share(share);
                return budget;
            });
        }
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
