package io.keepersync.simulator.data;

import java.time.Instant;

/**
 * The simulated time of the GHL world. It starts at a fixed instant and only moves when data changes,
 * so timestamps depend on the seed and the sequence of changes, never on the wall clock.
 * Not thread-safe; callers hold the world's lock.
 */
public final class SimClock {

    /** The instant the simulated world starts at: a week before the 2026 US switch to daylight time. */
    public static final Instant START = Instant.parse("2026-03-01T09:00:00.000Z");

    private final SeededRandom random;
    private Instant now = START;

    public SimClock(final SeededRandom random) {
        this.random = random;
    }

    public Instant now() {
        return now;
    }

    /** Moves time forward by 1 to 40 seconds (with random milliseconds) and returns the new instant. */
    public Instant advance() {
        now = now.plusMillis(random.between(1_000, 40_999));
        return now;
    }
}
