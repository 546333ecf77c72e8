package io.keepersync.bench.load;

/**
 * Outcome of an open-loop run at a fixed rate: requests leave on a schedule whatever the answers do, and
 * each latency runs from the request's intended send time, so a stall is counted for every request it
 * delayed (no coordinated omission).
 *
 * @param targetPerSecond scheduled rate
 * @param achievedPerSecond answers per second over the run
 * @param sent requests scheduled
 * @param succeeded 2xx answers
 * @param failed other answers and errors
 * @param latency latency of the 2xx answers from their intended send time
 */
public record LatencyResult(double targetPerSecond, double achievedPerSecond, long sent, long succeeded,
                            long failed, LatencySummary latency) {
}
