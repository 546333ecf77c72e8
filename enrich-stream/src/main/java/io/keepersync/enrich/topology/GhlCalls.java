package io.keepersync.enrich.topology;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where enrichment's GHL reads run: a thread pool shared by every stream task of an instance, so that no
 * stream thread waits for GHL. Each location may have only so many reads running at once (backfill work
 * half as many), so a slow or failing location holds a few threads and the others go on.
 *
 * <p>A read that finds no free slot is not queued: the caller keeps it pending and offers it again on its
 * next round. Thread-safe.
 */
public final class GhlCalls implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GhlCalls.class);

    private final ExecutorService pool;
    private final int perLocation;
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();

    private GhlCalls(final ExecutorService pool, final int perLocation) {
        if (perLocation < 2) {
            throw new IllegalArgumentException("at least 2 reads per location are needed, was " + perLocation);
        }
        this.pool = pool;
        this.perLocation = perLocation;
    }

    /** A pool of {@code threads} daemon threads, at most {@code perLocation} reads of one location at a time. */
    public static GhlCalls pool(final int threads, final int perLocation) {
        final AtomicInteger count = new AtomicInteger();
        final ThreadFactory factory = work -> {
            final Thread thread = new Thread(work, "ghl-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new GhlCalls(Executors.newFixedThreadPool(threads, factory), perLocation);
    }

    /**
     * Runs every read at once on the caller's thread. For tests that drive the topology step by step
     * ({@code TopologyTestDriver}); blocks the stream thread, so never for a running app.
     */
    public static GhlCalls direct() {
        return new GhlCalls(null, Integer.MAX_VALUE);
    }

    /**
     * Starts {@code read} if the location has a free slot.
     *
     * @return false when the location is at its limit; nothing was started
     */
    boolean trySubmit(final String locationId, final boolean backfill, final Runnable read) {
        final AtomicInteger slots = running.computeIfAbsent(locationId, id -> new AtomicInteger());
        final int limit = backfill ? perLocation / 2 : perLocation;
        if (slots.incrementAndGet() > limit) {
            slots.decrementAndGet();
            return false;
        }
        final Runnable release = () -> {
            try {
                read.run();
            } finally {
                slots.decrementAndGet();
            }
        };
        if (pool == null) {
            release.run();
            return true;
        }
        try {
            pool.execute(release);
            return true;
        } catch (RejectedExecutionException e) {
            slots.decrementAndGet();
            return false;
        }
    }

    /** Reads of {@code locationId} running now. */
    int running(final String locationId) {
        final AtomicInteger slots = running.get(locationId);
        return slots == null ? 0 : slots.get();
    }

    /** Stops taking reads and waits up to 10 s for running ones; their results are dropped by closed tasks. */
    @Override
    public void close() {
        if (pool == null) {
            return;
        }
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("GHL reads still running after 10 s; left to finish on their own");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
