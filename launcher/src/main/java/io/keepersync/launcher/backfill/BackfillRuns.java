package io.keepersync.launcher.backfill;

import io.keepersync.backfill.BackfillConfig;
import io.keepersync.backfill.BackfillException;
import io.keepersync.backfill.BackfillListener;
import io.keepersync.backfill.BackfillRequest;
import io.keepersync.backfill.LocationBackfill;
import io.keepersync.ghl.GhlApi;
import io.keepersync.schemas.BackfillProgress;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the backfills of several locations, a few at a time (each location has a GHL budget of its own), and
 * collects how each ended. Interrupting the calling thread stops them all without final checkpoints.
 */
final class BackfillRuns {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    /** How one location's backfill ended. */
    sealed interface Outcome {

        /** It finished; {@code progress} is its final checkpoint. */
        record Done(BackfillProgress progress) implements Outcome {
        }

        /** It stopped early; {@code reason} is one line for the operator. */
        record Failed(String reason) implements Outcome {
        }
    }

    private final BackfillConfig config;
    private final GhlApi ghl;
    private final BackfillListener listener;
    private final int parallel;

    BackfillRuns(final BackfillConfig config, final GhlApi ghl, final BackfillListener listener, final int parallel) {
        this.config = config;
        this.ghl = ghl;
        this.listener = listener;
        this.parallel = parallel;
    }

    /** Runs every request; blocks until all ended. The outcomes are in the order of the requests. */
    Map<String, Outcome> run(final List<BackfillRequest> requests) throws InterruptedException {
        final AtomicInteger threads = new AtomicInteger();
        final ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, requests.size())),
            task -> new Thread(task, "backfill-" + threads.incrementAndGet()));
        final Map<String, Future<BackfillProgress>> running = new LinkedHashMap<>();
        requests.forEach(request -> running.put(request.locationId(), pool.submit(() ->
            new LocationBackfill(config, ghl, request, listener, Clock.systemUTC()).run())));
        pool.shutdown();
        try {
            final Map<String, Outcome> outcomes = new LinkedHashMap<>();
            for (final Map.Entry<String, Future<BackfillProgress>> backfill : running.entrySet()) {
                outcomes.put(backfill.getKey(), outcome(backfill.getValue()));
            }
            return outcomes;
        } catch (InterruptedException e) {
            pool.shutdownNow();
            pool.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    private static Outcome outcome(final Future<BackfillProgress> backfill) throws InterruptedException {
        try {
            return new Outcome.Done(backfill.get());
        } catch (ExecutionException e) {
            final Throwable cause = e.getCause();
            if (cause instanceof InterruptedException) {
                return new Outcome.Failed("stopped; run the backfill again to resume it");
            }
            return new Outcome.Failed(cause instanceof BackfillException ? cause.getMessage() : String.valueOf(cause));
        }
    }
}
