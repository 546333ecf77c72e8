package io.keepersync.simulator.api;

import io.keepersync.simulator.ApiFaults;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The {@link ApiFaults} switched on per location, and what they do to one request: delay it, answer 503, or
 * answer 429 during a storm. Both the HTTP gate and in-process callers ({@link #applyWithoutHttp}) go through
 * it, and it counts every 503 and storm 429 in {@link RequestStats}. Thread-safe; {@link #delay} blocks the
 * request thread.
 */
public final class FaultSwitch implements AutoCloseable {

    private final RequestStats stats;
    private final LongSupplier nanoClock;
    private final Map<String, Active> active = new ConcurrentHashMap<>();
    private final Object changed = new Object();
    private boolean closed;

    public FaultSwitch(final RequestStats stats) {
        this(stats, System::nanoTime);
    }

    FaultSwitch(final RequestStats stats, final LongSupplier nanoClock) {
        this.stats = Objects.requireNonNull(stats, "stats");
        this.nanoClock = nanoClock;
    }

    /** Replaces the location's faults from now on; {@link ApiFaults#none()} turns them off. */
    public void set(final String locationId, final ApiFaults faults) {
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(faults, "faults");
        if (faults.isNone()) {
            active.remove(locationId);
        } else {
            active.put(locationId, new Active(faults, nanoClock.getAsLong() + faults.rateLimitStorm().toNanos(),
                    new AtomicInteger(faults.serverErrors())));
        }
        wakeSleepers();
    }

    /** Turns every location's faults off and releases hung requests. */
    public void clear() {
        active.clear();
        wakeSleepers();
    }

    /** The faults set for the location, {@link ApiFaults#none()} when there are none. */
    public ApiFaults of(final String locationId) {
        final Active faults = active.get(locationId);
        return faults == null ? ApiFaults.none() : faults.faults();
    }

    /**
     * One request of {@code locationId} without HTTP: throws the {@link ApiError} the REST API would answer
     * with (503 during an outage or a burst, which it uses up; 429 during a storm), counted as over HTTP.
     * Latency and hangs are not applied, so nothing blocks.
     */
    public void applyWithoutHttp(final String locationId) {
        refuseIfUnavailable(locationId);
        if (stormSecondsLeft(locationId).isPresent()) {
            stats.throttled(locationId);
            throw ApiError.tooManyRequests();
        }
    }

    /** Releases requests hung in {@link #delay}; later requests are no longer delayed by faults. */
    @Override
    public void close() {
        synchronized (changed) {
            closed = true;
            changed.notifyAll();
        }
    }

    /**
     * Sleeps for the location's extra latency plus hang; returns early when its faults change or the
     * simulator closes.
     */
    void delay(final String locationId) throws InterruptedException {
        final Active faults = active.get(locationId);
        if (faults == null) {
            return;
        }
        final long total = saturatedNanos(faults.faults().latency()) + saturatedNanos(faults.faults().hang());
        final long deadline = nanoClock.getAsLong() + Math.max(0, total);
        synchronized (changed) {
            while (!closed && active.get(locationId) == faults) {
                final long left = deadline - nanoClock.getAsLong();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(changed, left);
            }
        }
    }

    /** Throws 503 during an outage or while the burst of server errors lasts, using one of the burst up. */
    void refuseIfUnavailable(final String locationId) {
        final Active faults = active.get(locationId);
        if (faults == null) {
            return;
        }
        if (faults.faults().outage() || faults.errorsLeft().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            stats.serverError(locationId);
            throw ApiError.unavailable();
        }
    }

    /** During a rate-limit storm, the whole seconds it has left (at least 1); empty otherwise. */
    OptionalLong stormSecondsLeft(final String locationId) {
        final Active faults = active.get(locationId);
        if (faults == null) {
            return OptionalLong.empty();
        }
        final long left = faults.stormUntil() - nanoClock.getAsLong();
        if (left <= 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (left + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1)));
    }

    /** Whether storm 429s of the location carry {@code Retry-After}. */
    boolean stormRetryAfter(final String locationId) {
        return of(locationId).stormRetryAfter();
    }

    /** The access-token lifetime the location's faults impose, if any. */
    Optional<Duration> tokenTtl(final String locationId) {
        return Optional.ofNullable(of(locationId).tokenTtl());
    }

    private void wakeSleepers() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    private static long saturatedNanos(final Duration value) {
        return value.compareTo(Duration.ofDays(365)) > 0 ? Duration.ofDays(365).toNanos() : value.toNanos();
    }

    /** The faults of one location as set, with the end of its storm and what is left of its burst. */
    private record Active(ApiFaults faults, long stormUntil, AtomicInteger errorsLeft) {
    }
}
