package io.keepersync.bench.load;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;

/**
 * An HTTP load generator on Jetty's asynchronous {@link HttpClient} (HTTP/1.1, one connection per request in
 * flight; the JDK's client tops out near 2,000 requests a second on two cores, Jetty's near 12,000): a
 * closed loop for the highest sustained rate and an open loop at a fixed rate for latency. Signed webhooks
 * are sent round robin. Every run is bounded by its duration plus a 60 s drain.
 *
 * <p>Runs block the calling thread, which schedules; answers are handled on the client's threads.
 */
public final class HttpLoad implements AutoCloseable {

    private static final Duration DRAIN = Duration.ofSeconds(60);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_IN_FLIGHT = 2_000;
    private static final int SIGNIFICANT_DIGITS = 3;

    private final URI target;
    private final List<SignedWebhooks.Signed> webhooks;
    private final HttpClient client = new HttpClient();
    private final AtomicLong next = new AtomicLong();

    /**
     * Starts the client.
     *
     * @param target where to POST
     * @param webhooks what to send, in turn
     */
    public HttpLoad(final URI target, final List<SignedWebhooks.Signed> webhooks) throws Exception {
        this.target = target;
        this.webhooks = List.copyOf(webhooks);
        client.setMaxConnectionsPerDestination(MAX_IN_FLIGHT);
        client.setMaxRequestsQueuedPerDestination(MAX_IN_FLIGHT);
        client.setConnectTimeout(TimeUnit.SECONDS.toMillis(5));
        client.start();
    }

    /** Keeps {@code connections} requests in flight for {@code duration}; blocks until answered or drained. */
    public RateResult closedLoop(final int connections, final Duration duration) throws InterruptedException {
        final Semaphore slots = new Semaphore(connections);
        final Outcomes outcomes = new Outcomes();
        final long start = System.nanoTime();
        final long end = start + duration.toNanos();
        while (System.nanoTime() < end) {
            if (!slots.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                continue;
            }
            final long sentAt = System.nanoTime();
            send(result -> {
                final long now = System.nanoTime();
                if (now <= end) {
                    outcomes.record(result, now - sentAt);
                }
                slots.release();
            });
        }
        slots.tryAcquire(connections, DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        final double seconds = duration.toNanos() / 1e9;
        return new RateResult(connections, seconds, outcomes.succeeded.sum(), outcomes.failed.sum(),
            outcomes.succeeded.sum() / seconds, LatencySummary.ofMicros(outcomes.micros));
    }

    /**
     * Sends {@code perSecond} requests a second for {@code duration} on a fixed schedule and measures each
     * from its intended send time. Blocks until all are answered or the drain time passed.
     */
    public LatencyResult openLoop(final double perSecond, final Duration duration) throws InterruptedException {
        final long interval = Math.max(1, (long) (1e9 / perSecond));
        final long count = Math.max(1, (long) (perSecond * duration.toNanos() / 1e9));
        final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        final Outcomes outcomes = new Outcomes();
        final AtomicLong lastAnswer = new AtomicLong();
        final long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        for (long i = 0; i < count; i++) {
            final long intended = start + i * interval;
            parkUntil(intended);
            inFlight.acquire();
            send(result -> {
                final long now = System.nanoTime();
                outcomes.record(result, now - intended);
                lastAnswer.accumulateAndGet(now, Math::max);
                inFlight.release();
            });
        }
        inFlight.tryAcquire(MAX_IN_FLIGHT, DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        final double seconds = Math.max(1, lastAnswer.get() - start) / 1e9;
        return new LatencyResult(perSecond, outcomes.succeeded.sum() / seconds, count, outcomes.succeeded.sum(),
            outcomes.failed.sum(), LatencySummary.ofMicros(outcomes.micros));
    }

    /** Stops the client; blocks until its threads are done. */
    @Override
    public void close() throws Exception {
        client.stop();
    }

    private void send(final Response.CompleteListener onComplete) {
        final SignedWebhooks.Signed webhook = webhooks.get((int) (next.getAndIncrement() % webhooks.size()));
        client.POST(target)
            .timeout(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .headers(headers -> headers.put("X-GHL-Signature", webhook.signature()))
            .body(new BytesRequestContent("application/json", webhook.body()))
            .send(onComplete);
    }

    private static void parkUntil(final long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** Answers counted by outcome, with a histogram of the latencies of the 2xx ones in microseconds. */
    private static final class Outcomes {
        private final LongAdder succeeded = new LongAdder();
        private final LongAdder failed = new LongAdder();
        private final Histogram micros = new ConcurrentHistogram(SIGNIFICANT_DIGITS);

        void record(final Result result, final long nanos) {
            if (result.isSucceeded() && result.getResponse().getStatus() / 100 == 2) {
                succeeded.increment();
                micros.recordValue(Math.max(1, nanos / 1000));
            } else {
                failed.increment();
            }
        }
    }
}
