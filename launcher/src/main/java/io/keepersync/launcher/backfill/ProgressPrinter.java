package io.keepersync.launcher.backfill;

import io.keepersync.backfill.BackfillListener;
import io.keepersync.backfill.progress.ProgressLine;
import io.keepersync.schemas.BackfillProgress;
import io.keepersync.schemas.BackfillState;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Prints a backfill's checkpoints as progress lines: at most one per location every few seconds, and always when
 * its state changes. Thread-safe: backfills of several locations share one printer.
 */
final class ProgressPrinter implements BackfillListener {

    private static final Duration EVERY = Duration.ofSeconds(5);

    private record Printed(Instant at, BackfillState state) {
    }

    private final PrintWriter out;
    private final Clock clock;
    private final Map<String, Printed> printed = new HashMap<>();

    ProgressPrinter(final PrintWriter out, final Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public synchronized void onCheckpoint(final BackfillProgress progress) {
        final Instant now = clock.instant();
        final Printed last = printed.get(progress.getLocationId());
        if (last != null && last.state() == progress.getState() && last.at().plus(EVERY).isAfter(now)) {
            return;
        }
        printed.put(progress.getLocationId(), new Printed(now, progress.getState()));
        out.println(ProgressLine.of(progress));
        out.flush();
    }
}
