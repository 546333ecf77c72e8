package io.keepersync.enrich.reconcile;

import java.time.Duration;

/**
 * How often reconciliation asks GHL what changed.
 *
 * @param interval between incremental sweeps of each location ({@code dateUpdated} since the cursor)
 * @param fullInterval between full sweeps of each location (every contact, tasks, notes and appointments)
 * @param overlap how far before the cursor each incremental sweep starts, against clock skew at GHL
 */
public record SweepConfig(Duration interval, Duration fullInterval, Duration overlap) {

    /** Every 5 minutes, a full sweep daily, one minute of overlap. */
    public static SweepConfig defaults() {
        return new SweepConfig(Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofMinutes(1));
    }
}
