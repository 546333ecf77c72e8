package io.keepersync.bench.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples a request counter every 20 ms and remembers when it first moved and when it last moved, so that
 * a rate can be read from the span in which requests were actually made.
 */
final class CallWatch {

    private static final Logger LOG = LoggerFactory.getLogger(CallWatch.class);
    private static final long SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long REPORT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final LongSupplier counter;
    private final long baseline;
    private long firstMoved = -1;
    private long lastMoved = -1;
    private long last;
    private long lastReport = System.nanoTime();

    CallWatch(final LongSupplier counter, final long baseline) {
        this.counter = counter;
        this.baseline = baseline;
        this.last = baseline;
    }

    /** Samples until the counter reaches {@code target}, or {@code timeout} passed. */
    void awaitAtLeast(final long target, final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (last < target && System.nanoTime() < deadline) {
            LockSupport.parkNanos(SAMPLE_NANOS);
            final long now = System.nanoTime();
            final long value = counter.getAsLong();
            if (now - lastReport > REPORT_NANOS) {
                LOG.info("GHL requests so far {}", value - baseline);
                lastReport = now;
            }
            if (value != last) {
                if (firstMoved < 0 && value > baseline) {
                    firstMoved = now;
                    LOG.info("First GHL request seen count={}", value - baseline);
                }
                lastMoved = now;
                last = value;
            }
        }
        LOG.info("Last GHL request seen count={} spanSeconds={}", last - baseline, spanSeconds());
        if (last < target) {
            throw new IllegalStateException("only " + (last - baseline) + " of " + (target - baseline)
                + " GHL requests were made within " + timeout.toSeconds() + " s");
        }
    }

    long last() {
        return last;
    }

    /** Seconds from the first to the last change seen. */
    double spanSeconds() {
        return (lastMoved - firstMoved) / 1e9;
    }
}
