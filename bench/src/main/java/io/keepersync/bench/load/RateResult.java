package io.keepersync.bench.load;

/**
 * Outcome of a closed-loop run: every connection sends its next request as soon as the previous one is
 * answered, so the rate is the most the server (with this client on the same machine) sustains.
 *
 * @param connections concurrent requests in flight
 * @param seconds measured time
 * @param succeeded 2xx answers within the measured time
 * @param failed other answers and errors within the measured time
 * @param perSecond succeeded per second
 * @param serviceTime latency of the answered requests (closed loop: service time, not user-facing latency)
 */
public record RateResult(int connections, double seconds, long succeeded, long failed, double perSecond,
                         LatencySummary serviceTime) {
}
