package io.keepersync.bench.load;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of a latency distribution, in milliseconds.
 *
 * @param count recorded values
 * @param p50Ms median
 * @param p90Ms 90th percentile
 * @param p99Ms 99th percentile
 * @param p999Ms 99.9th percentile
 * @param maxMs largest value
 * @param meanMs arithmetic mean
 */
public record LatencySummary(long count, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs,
                             double meanMs) {

    private static final double MICROS_PER_MILLI = 1000.0;

    /** Summarises a histogram of microseconds. */
    public static LatencySummary ofMicros(final Histogram micros) {
        return new LatencySummary(micros.getTotalCount(),
            millis(micros.getValueAtPercentile(50)), millis(micros.getValueAtPercentile(90)),
            millis(micros.getValueAtPercentile(99)), millis(micros.getValueAtPercentile(99.9)),
            millis(micros.getMaxValue()), micros.getTotalCount() == 0 ? 0 : micros.getMean() / MICROS_PER_MILLI);
    }

    private static double millis(final long micros) {
        return micros / MICROS_PER_MILLI;
    }
}
