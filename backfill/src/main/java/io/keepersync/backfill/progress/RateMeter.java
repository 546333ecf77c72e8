package io.keepersync.backfill.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Contacts per minute over a recent window, from samples of a growing count. Recent rather than since the start,
 * so that a backfill resumed after a pause, or slowed down by live traffic, shows what it does now.
 * Not thread-safe.
 */
public final class RateMeter {

    private record Sample(Instant at, long count) {
    }

    private final Duration window;
    private final Deque<Sample> samples = new ArrayDeque<>();

    /** A meter averaging over {@code window}. */
    public RateMeter(final Duration window) {
        this.window = window;
    }

    /** Records that {@code count} contacts were done by {@code at}. */
    public void record(final Instant at, final long count) {
        samples.addLast(new Sample(at, count));
        while (samples.size() > 2 && samples.peekFirst().at().isBefore(at.minus(window))) {
            samples.removeFirst();
        }
    }

    /** Contacts per minute between the oldest sample in the window and the newest; 0 with under a second of samples. */
    public double perMinute() {
        if (samples.size() < 2) {
            return 0;
        }
        final Sample first = samples.peekFirst();
        final Sample last = samples.peekLast();
        final long millis = Duration.between(first.at(), last.at()).toMillis();
        return millis < 1_000 ? 0 : (last.count() - first.count()) * 60_000.0 / millis;
    }
}
