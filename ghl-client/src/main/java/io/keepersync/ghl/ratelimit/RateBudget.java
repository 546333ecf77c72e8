package io.keepersync.ghl.ratelimit;

import io.keepersync.ghl.GhlApiException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request budget of one GHL location, shared by all threads that call GHL for it.
 *
 * <p>A sliding window: no more than {@code burst} permits are handed out within any {@code window}. Each
 * answer's headers tighten it: a smaller {@code X-RateLimit-Max} or longer {@code X-RateLimit-Interval-Milliseconds}
 * replaces the configured burst or window; an {@code X-RateLimit-Remaining} below what the window still allows
 * adds the difference to the window as requests started now; a daily remainder under
 * {@code dailyReserveFraction} of the daily limit spaces permits out in proportion to what is left; a 429 pauses the location for
 * {@code Retry-After}, else the interval, plus up to 20 % jitter. Each permit's place in the window moves to
 * when GHL answered its request ({@link #answered}), so latency never makes our window and GHL's disagree.
 *
 * <p>The burst is this process's {@linkplain #share(double) share} of it when several instances use the same
 * app. {@link Priority#BACKFILL} is held to less: it gets a permit only while more than
 * {@code liveReserveFraction} of the burst is still free (also by GHL's remaining count), never while GHL's
 * daily remainder is under {@code dailyReserveFraction} of the daily limit, and never while a
 * {@link Priority#LIVE} caller waits.
 *
 * <p>{@link #acquire} blocks the calling thread. Thread-safe.
 */
public final class RateBudget {

    private static final Logger LOG = LoggerFactory.getLogger(RateBudget.class);
    private static final long NONE = -1;
    private static final long LONGEST_PAUSE = TimeUnit.DAYS.toNanos(1);
    /** How long a low daily remainder keeps backfill out before it may probe GHL again. */
    private static final long DAILY_LOW_HOLD = TimeUnit.MINUTES.toNanos(5);
    /** Absorbs rounding when a fraction of the burst should be a whole number of permits. */
    private static final double ROUNDING = 1e-9;

    private final String locationId;
    private final RateLimitConfig config;
    private final long origin = System.nanoTime();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Window starts of the permits handed out, as a multiset ordered by time; a start moves to when GHL answered. */
    private final TreeMap<Long, Integer> starts = new TreeMap<>();
    private int startCount;
    private int fullBurst;
    private double share = 1.0;
    private long windowNanos;
    private long pausedUntil;
    private long spacingNanos;
    private long lastStart = NONE;
    private long dailyLowSince = NONE;
    private volatile long dailyRemaining = NONE;
    private int liveWaiting;
    private int sleeping;

    /** An unused budget for {@code locationId} with the configured burst and window. */
    public RateBudget(final String locationId, final RateLimitConfig config) {
        this.locationId = locationId;
        this.config = config;
        this.fullBurst = config.burst();
        this.windowNanos = config.window().toNanos();
    }

    /**
     * Takes one permit for a request about to be sent, blocking until the budget allows it.
     *
     * @return how long the caller waited, zero when a permit was free at once
     * @throws GhlApiException with status 429 (retriable) when no permit is possible within {@code maxWait}
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    public Duration acquire(final Priority priority, final Duration maxWait) throws InterruptedException {
        return grant(priority, maxWait).waited();
    }

    /**
     * Like {@link #acquire}, but returns the instant, on the {@link System#nanoTime()} scale, at which the permit
     * was granted, for {@link #answered}.
     */
    public long acquireAt(final Priority priority, final Duration maxWait) throws InterruptedException {
        return origin + grant(priority, maxWait).at();
    }

    /**
     * Uses {@code fraction} (0, 1] of the burst from now on; permits already handed out in the window count
     * against the smaller burst. Waiting callers re-check at once.
     */
    public void share(final double fraction) {
        lock.lock();
        try {
            share = fraction;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** What GHL last said is left of the location's daily budget; empty before any answer that said so. */
    public OptionalLong dailyRemaining() {
        final long value = dailyRemaining;
        return value == NONE ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /**
     * The request of the permit granted at {@code grantedAt} (as {@link #acquireAt} returned it) got its answer,
     * or failed, now. Its place in the window moves from the grant to now: GHL counted the request when it
     * arrived, somewhere in between, so a window counted from the answer never overlaps GHL's, whatever the
     * latency. Without this call the window counts from the grant.
     */
    public void answered(final long grantedAt) {
        lock.lock();
        try {
            final long granted = grantedAt - origin;
            final Integer count = starts.get(granted);
            if (count == null) {
                return;
            }
            if (count == 1) {
                starts.remove(granted);
            } else {
                starts.put(granted, count - 1);
            }
            startCount--;
            addStart(Math.max(granted, now()));
        } finally {
            lock.unlock();
        }
    }

    /** Learns from one answer of GHL for this location: its status and rate-limit headers. */
    public void observe(final int status, final HttpHeaders headers) {
        final RateLimitHeaders limits = RateLimitHeaders.of(headers);
        lock.lock();
        try {
            final long now = now();
            learnShape(limits);
            learnRemaining(limits, now);
            learnDaily(limits, now);
            if (status == 429) {
                pause(limits, now);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private Grant grant(final Priority priority, final Duration maxWait) throws InterruptedException {
        final long begin = now();
        final long deadline = begin + (maxWait.toDays() >= 1 ? LONGEST_PAUSE : maxWait.toNanos());
        lock.lockInterruptibly();
        try {
            enter(priority);
            try {
                return awaitPermit(priority, begin, deadline);
            } finally {
                leave(priority);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the rules and the priorities allow one more start, and records it. */
    private Grant awaitPermit(final Priority priority, final long begin, final long deadline)
            throws InterruptedException {
        for (boolean waited = false; ; waited = true) {
            final long now = now();
            if (priority == Priority.BACKFILL && dailyReserveReached(now)) {
                throw new GhlApiException("GHL daily budget of locationId=" + locationId
                        + " is down to its reserve, kept for live work; try backfill again later", 429);
            }
            final long earliest = earliestStart(now, priority);
            final boolean yielding = priority == Priority.BACKFILL && liveWaiting > 0;
            if (!yielding && earliest <= now) {
                record(now);
                return new Grant(now, waited ? Duration.ofNanos(now - begin) : Duration.ZERO);
            }
            if (earliest > deadline || now >= deadline) {
                throw new GhlApiException("GHL rate budget of locationId=" + locationId
                        + " has no permit within maxWait; try again later", 429);
            }
            sleeping++;
            try {
                changed.awaitNanos((yielding ? deadline : Math.min(earliest, deadline)) - now);
            } finally {
                sleeping--;
            }
        }
    }

    /** How many callers are blocked waiting for a permit right now. */
    int waitingCallers() {
        lock.lock();
        try {
            return sleeping;
        } finally {
            lock.unlock();
        }
    }

    private void enter(final Priority priority) {
        if (priority == Priority.LIVE) {
            liveWaiting++;
        }
    }

    private void leave(final Priority priority) {
        if (priority == Priority.LIVE && --liveWaiting == 0) {
            changed.signalAll();
        }
    }

    /** The first instant at which every rule allows one more start at {@code priority}. */
    private long earliestStart(final long now, final Priority priority) {
        prune(now);
        final int limit = priority == Priority.BACKFILL ? backfillLimit() : burst();
        long earliest = pausedUntil;
        if (startCount >= limit) {
            earliest = Math.max(earliest, startThatMustExpire(limit) + windowNanos);
        }
        if (spacingNanos > 0 && lastStart != NONE) {
            earliest = Math.max(earliest, lastStart + spacingNanos);
        }
        return earliest;
    }

    /** This process's burst: its share of GHL's (or the configured) burst, at least one request. */
    private int burst() {
        return Math.max(1, (int) Math.floor(fullBurst * share + ROUNDING));
    }

    /**
     * Most starts in the window a backfill permit may bring about: it is granted only while more than
     * {@code liveReserveFraction} of the burst is free, i.e. while fewer than (1 - reserve) x burst are used.
     */
    private int backfillLimit() {
        return (int) Math.ceil((1 - config.liveReserveFraction()) * burst() - ROUNDING);
    }

    /** Whether GHL's daily remainder, recently seen, is under the reserve; old news lets backfill probe again. */
    private boolean dailyReserveReached(final long now) {
        return dailyLowSince != NONE && now - dailyLowSince < DAILY_LOW_HOLD;
    }

    /** The start whose expiry brings the window below {@code limit} starts. */
    private long startThatMustExpire(final int limit) {
        int skip = startCount - limit;
        for (final Map.Entry<Long, Integer> entry : starts.entrySet()) {
            if (skip < entry.getValue()) {
                return entry.getKey();
            }
            skip -= entry.getValue();
        }
        throw new IllegalStateException("fewer than " + limit + " starts in the window");
    }

    private void record(final long now) {
        addStart(now);
        lastStart = now;
    }

    private void prune(final long now) {
        while (!starts.isEmpty() && starts.firstKey() + windowNanos <= now) {
            startCount -= starts.pollFirstEntry().getValue();
        }
    }

    private void addStart(final long at) {
        starts.merge(at, 1, Integer::sum);
        startCount++;
    }

    private void learnShape(final RateLimitHeaders limits) {
        limits.max().ifPresent(max -> fullBurst = (int) Math.max(1, Math.min(config.burst(), max)));
        limits.intervalMillis().ifPresent(interval -> windowNanos = Math.max(config.window().toNanos(),
                TimeUnit.MILLISECONDS.toNanos(interval)));
    }

    /**
     * Trusts GHL when it counts fewer requests left than this window still allows (other instances, other
     * apps of the same client): the difference joins the window as requests started now. GHL's window is
     * sliding too, so this holds back only the difference, and only for one interval.
     */
    private void learnRemaining(final RateLimitHeaders limits, final long now) {
        if (limits.remaining().isEmpty()) {
            return;
        }
        prune(now);
        final long reported = limits.remaining().getAsLong();
        final int free = burst() - startCount;
        for (long unseen = free - reported; unseen > 0; unseen--) {
            addStart(now);
        }
    }

    private void learnDaily(final RateLimitHeaders limits, final long now) {
        limits.dailyRemaining().ifPresent(left -> dailyRemaining = left);
        if (limits.dailyLimit().isEmpty() || limits.dailyRemaining().isEmpty()) {
            return;
        }
        final double reserve = config.dailyReserveFraction() * limits.dailyLimit().getAsLong();
        final long left = limits.dailyRemaining().getAsLong();
        dailyLowSince = left >= reserve ? NONE : now;
        final long spacing = left >= reserve ? 0 : spacingFor(left / reserve);
        if ((spacing == 0) != (spacingNanos == 0)) {
            LOG.info("GHL daily budget {} locationId={} dailyRemaining={}", spacing == 0 ? "recovered, full speed"
                    : "low, slowing down and holding backfill", locationId, left);
        }
        spacingNanos = spacing;
    }

    /** The gap between starts that runs {@code fraction} of the burst per window, at least one per window. */
    private long spacingFor(final double fraction) {
        final double bounded = Math.max(fraction, 1.0 / burst());
        return (long) (windowNanos / (burst() * bounded));
    }

    private void pause(final RateLimitHeaders limits, final long now) {
        final long asked = limits.retryAfterMillis().isPresent()
                ? TimeUnit.MILLISECONDS.toNanos(limits.retryAfterMillis().getAsLong())
                : intervalNanos(limits);
        final long wait = Math.min(asked, LONGEST_PAUSE);
        final long jitter = ThreadLocalRandom.current().nextLong(wait / 5 + 1);
        pausedUntil = Math.max(pausedUntil, now + wait + jitter);
        LOG.debug("GHL answered 429, pausing locationId={} pauseMs={}", locationId,
                TimeUnit.NANOSECONDS.toMillis(wait + jitter));
    }

    private long intervalNanos(final RateLimitHeaders limits) {
        return limits.intervalMillis().isPresent()
                ? TimeUnit.MILLISECONDS.toNanos(limits.intervalMillis().getAsLong())
                : windowNanos;
    }

    private long now() {
        return System.nanoTime() - origin;
    }

    /** One permit: when it was granted (since {@code origin}) and how long its caller waited. */
    private record Grant(long at, Duration waited) {
    }
}
