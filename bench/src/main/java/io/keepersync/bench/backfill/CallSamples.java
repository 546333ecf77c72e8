package io.keepersync.bench.backfill;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A request counter sampled on a fixed beat while a backfill runs, from which the busiest window of GHL's length
 * is read: the budget is "100 requests in any 10 s", so that window, not only the average, shows whether the
 * backfill kept to it. Call {@link #sample} from one thread.
 */
final class CallSamples {

    private record Sample(long nanos, long count) {
    }

    private final LongSupplier counter;
    private final List<Sample> samples = new ArrayList<>();

    CallSamples(final LongSupplier counter) {
        this.counter = counter;
    }

    /** Records the counter now. */
    void sample() {
        samples.add(new Sample(System.nanoTime(), counter.getAsLong()));
    }

    /** Requests between the first sample and the last. */
    long calls() {
        return samples.isEmpty() ? 0 : samples.get(samples.size() - 1).count() - samples.get(0).count();
    }

    /** Most requests counted within any {@code windowSeconds} between two samples. */
    long busiestWindow(final double windowSeconds) {
        final long window = (long) (windowSeconds * TimeUnit.SECONDS.toNanos(1));
        long busiest = 0;
        int start = 0;
        for (int end = 0; end < samples.size(); end++) {
            while (samples.get(end).nanos() - samples.get(start).nanos() > window) {
                start++;
            }
            busiest = Math.max(busiest, samples.get(end).count() - samples.get(start).count());
        }
        return busiest;
    }
}
