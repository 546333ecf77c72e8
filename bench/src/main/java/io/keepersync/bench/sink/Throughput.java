package io.keepersync.bench.sink;

/**
 * How fast records were taken in, measured two ways.
 *
 * @param records records expected
 * @param complete whether all of them arrived
 * @param totalSeconds from the start (consumer creation, group join included) to the last record
 * @param steadyPerSecond records after the first batch divided by the time from the first batch to the last
 *     record: the rate once running, without start-up and group join
 * @param totalPerSecond records divided by {@code totalSeconds}
 */
record Throughput(long records, boolean complete, double totalSeconds, double steadyPerSecond,
                  double totalPerSecond) {

    /** Notes when the count first moved and when it reached its last value. */
    static final class Clock {
        private final long started;
        private long firstNanos;
        private long firstCount;
        private long lastNanos;
        private long lastCount;

        Clock(final long startedNanos) {
            this.started = startedNanos;
        }

        void observe(final long count) {
            final long now = System.nanoTime();
            if (count > 0 && firstNanos == 0) {
                firstNanos = now;
                firstCount = count;
            }
            if (count > lastCount) {
                lastCount = count;
                lastNanos = now;
            }
        }

        Throughput throughput(final long expected) {
            final double total = Math.max(1, lastNanos - started) / 1e9;
            final double steady = Math.max(1, lastNanos - firstNanos) / 1e9;
            return new Throughput(expected, lastCount >= expected, total, (lastCount - firstCount) / steady,
                lastCount / total);
        }
    }
}
