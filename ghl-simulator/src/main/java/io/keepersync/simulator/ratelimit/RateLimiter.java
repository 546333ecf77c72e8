package io.keepersync.simulator.ratelimit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * GHL's per-location budgets: at most {@code max} requests in any sliding window and {@code dailyLimit}
 * per day (days counted from the first request). Requests answered with 429 use up no budget.
 * When disabled, budgets are still counted for the headers but nothing is refused. Thread-safe.
 */
public final class RateLimiter {

    private static final long DAY_NANOS = Duration.ofDays(1).toNanos();

    private final boolean enabled;
    private final int max;
    private final long windowNanos;
    private final long dailyLimit;
    private final LongSupplier nanoClock;
    private final Map<String, Budget> budgets = new ConcurrentHashMap<>();

    public RateLimiter(final boolean enabled, final int max, final Duration window, final long dailyLimit) {
        this(enabled, max, window, dailyLimit, System::nanoTime);
    }

    RateLimiter(final boolean enabled, final int max, final Duration window, final long dailyLimit,
                final LongSupplier nanoClock) {
        this.enabled = enabled;
        this.max = max;
        this.windowNanos = window.toNanos();
        this.dailyLimit = dailyLimit;
        this.nanoClock = nanoClock;
    }

    /** Counts one request of {@code locationId} if the budgets allow it. */
    public RateDecision acquire(final String locationId) {
        final Budget budget = budgets.computeIfAbsent(locationId, id -> new Budget(nanoClock.getAsLong()));
        synchronized (budget) {
            return budget.acquire(nanoClock.getAsLong());
        }
    }

    /**
     * A 429 that uses up no budget, as a rate-limit storm answers: the location's current counts with
     * {@code remaining} 0.
     */
    public RateDecision refuse(final String locationId) {
        final Budget budget = budgets.computeIfAbsent(locationId, id -> new Budget(nanoClock.getAsLong()));
        synchronized (budget) {
            return budget.refuse(nanoClock.getAsLong());
        }
    }

    /** Sliding log of one location's recent requests plus its daily count. Guarded by its own monitor. */
    private final class Budget {

        private final Deque<Long> recent = new ArrayDeque<>();
        private long dayStart;
        private long today;

        Budget(final long now) {
            this.dayStart = now;
        }

        RateDecision acquire(final long now) {
            forgetOld(now);
            final boolean full = recent.size() >= max || today >= dailyLimit;
            if (full && enabled) {
                return decision(false);
            }
            recent.addLast(now);
            today++;
            return decision(true);
        }

        RateDecision refuse(final long now) {
            forgetOld(now);
            return new RateDecision(false, max, 0, windowNanos / 1_000_000, dailyLimit,
                    Math.max(0, dailyLimit - today));
        }

        private void forgetOld(final long now) {
            while (!recent.isEmpty() && now - recent.peekFirst() >= windowNanos) {
                recent.removeFirst();
            }
            if (now - dayStart >= DAY_NANOS) {
                dayStart = now;
                today = 0;
            }
        }

        private RateDecision decision(final boolean allowed) {
            return new RateDecision(allowed, max, Math.max(0, max - recent.size()), windowNanos / 1_000_000,
                    dailyLimit, Math.max(0, dailyLimit - today));
        }
    }
}
