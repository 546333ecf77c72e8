package io.keepersync.enrich.topology;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
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
 * stream thread waits for GHL. Reads queue per location, live ones before backfill ones, and each location
 * has only so many reads running at once (backfill half as many), so a slow or failing location holds a
 * few threads while the others go on. A finished read starts its location's next one at once, without
 * waiting for the stream thread. Thread-safe.
 */
public final class GhlCalls implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GhlCalls.class);

    private final ExecutorService pool;
    private final int perLocation;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

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

    /** Queues {@code read} for the location; it runs once the location has a free slot. */
    void submit(final String locationId, final boolean backfill, final Runnable read) {
        if (pool == null) {
            read.run();
            return;
        }
        lanes.computeIfAbsent(locationId, id -> new Lane()).add(backfill, read);
    }

    /** Reads of {@code locationId} running or queued now. */
    int outstanding(final String locationId) {
        final Lane lane = lanes.get(locationId);
        return lane == null ? 0 : lane.outstanding();
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

    /** One location's queued reads and how many of them run. Guarded by its own monitor. */
    private final class Lane {

        private final Queue<Runnable> live = new ArrayDeque<>();
        private final Queue<Runnable> backfill = new ArrayDeque<>();
        private int running;
        private int runningBackfill;

        synchronized void add(final boolean isBackfill, final Runnable read) {
            (isBackfill ? backfill : live).add(read);
            startWhatFits();
        }

        synchronized int outstanding() {
            return running + live.size() + backfill.size();
        }

        private void startWhatFits() {
            while (running < perLocation) {
                final boolean fromBackfill = live.isEmpty();
                if (fromBackfill && (backfill.isEmpty() || runningBackfill >= perLocation / 2)) {
                    return;
                }
                final Runnable read = fromBackfill ? backfill.poll() : live.poll();
                running++;
                if (fromBackfill) {
                    runningBackfill++;
                }
                try {
                    pool.execute(() -> run(read, fromBackfill));
                } catch (RejectedExecutionException e) {
                    running--;
                    if (fromBackfill) {
                        runningBackfill--;
                    }
                    return;
                }
            }
        }

        private void run(final Runnable read, final boolean fromBackfill) {
            try {
                read.run();
            } catch (RuntimeException e) {
                log.error("GHL read failed unexpectedly", e);
            } finally {
                synchronized (this) {
                    running--;
                    if (fromBackfill) {
                        runningBackfill--;
                    }
                    startWhatFits();
                }
            }
        }
    }
}
