package io.keepersync.launcher.status;

import io.keepersync.backfill.progress.ProgressFigures;
import io.keepersync.backfill.progress.ProgressLine;
import io.keepersync.launcher.kafka.ConsumerLag;
import io.keepersync.schemas.BackfillProgress;
import io.keepersync.schemas.BackfillState;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** The tables {@code keeper status} prints; ids and counts only. */
final class StatusTables {

    /** A running backfill checkpoints every few seconds; one silent for this long is not running. */
    static final Duration SILENT = Duration.ofMinutes(1);
    private static final String BACKFILL_ROW = "  %-22s  %-7s  %-17s  %9s  %11s  %10s  %14s  %9s  %s%n";

    private StatusTables() {
    }

    static void backfills(final PrintWriter out, final String topic, final Collection<BackfillProgress> backfills,
                          final Instant now) {
        out.printf("Backfills (%s):%n", topic);
        if (backfills.isEmpty()) {
            out.println("  none yet; keeper backfill --location <id> starts one");
            return;
        }
        out.printf(BACKFILL_ROW, "LOCATION", "STATE", "DONE/TOTAL", "IN FLIGHT", "UNCONFIRMED", "RATE",
            "GHL CALLS LEFT", "TIME LEFT", "UPDATED");
        final List<String> notes = new ArrayList<>();
        for (final BackfillProgress progress : backfills) {
            final ProgressFigures figures = ProgressFigures.of(progress);
            final Duration silent = Duration.between(progress.getUpdatedAt(), now);
            out.printf(BACKFILL_ROW, progress.getLocationId(), progress.getState(), doneOfTotal(figures),
                String.format(Locale.ROOT, "%,d", progress.getInFlight().size()),
                String.format(Locale.ROOT, "%,d", progress.getContactsUnconfirmed()),
                String.format(Locale.ROOT, "%,.0f/min", progress.getContactsPerMinute()),
                ProgressLine.callsLeft(progress),
                figures.timeLeft().map(ProgressLine::duration).orElse("?"),
                ProgressLine.duration(silent.isNegative() ? Duration.ZERO : silent) + " ago");
            notes.addAll(notes(progress, silent));
        }
        notes.forEach(out::println);
    }

    static void lags(final PrintWriter out, final List<ConsumerLag> lags) {
        out.println("Consumer groups:");
        for (final ConsumerLag lag : lags) {
            out.printf("  %-28s reads %-34s %-7s %2d member(s)  lag %s%n", lag.group(), lag.topic(), lag.state(),
                lag.members(), lag.lag().map(records -> String.format(Locale.ROOT, "%,d", records))
                    .orElse("unknown (nothing committed yet)"));
        }
    }

    private static String doneOfTotal(final ProgressFigures figures) {
        return ProgressLine.doneOfTotal(figures)
            + (figures.percent().isPresent() ? " (" + figures.percent().getAsLong() + "%)" : "");
    }

    private static List<String> notes(final BackfillProgress progress, final Duration silent) {
        final List<String> notes = new ArrayList<>();
        if (progress.getState() == BackfillState.RUNNING && silent.compareTo(SILENT) > 0) {
            notes.add("  " + progress.getLocationId() + ": no checkpoint for " + ProgressLine.duration(silent)
                + ", so its backfill is not running; keeper backfill --location " + progress.getLocationId()
                + " resumes it");
        }
        if (progress.getState() == BackfillState.FAILED) {
            notes.add("  " + progress.getLocationId() + " failed: " + progress.getError()
                + "; keeper backfill --location " + progress.getLocationId() + " resumes it");
        }
        return notes;
    }
}
