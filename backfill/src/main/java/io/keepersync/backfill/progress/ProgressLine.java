package io.keepersync.backfill.progress;

import io.keepersync.schemas.BackfillProgress;
import java.time.Duration;
import java.util.Locale;

/** One line of text per checkpoint, for an operator watching a backfill. Carries ids and counts only. */
public final class ProgressLine {

    private ProgressLine() {
    }

    /**
     * For example {@code locationId=abc RUNNING 1,200/3,000 contacts done (40%), 180 in flight, 0 unconfirmed
     * | 850 contacts/min | GHL calls left today: 196,500 | about 2m 07s left}.
     */
    public static String of(final BackfillProgress progress) {
        final ProgressFigures figures = ProgressFigures.of(progress);
        return String.format(Locale.ROOT, "locationId=%s %s %s contacts done%s, %,d in flight, %,d unconfirmed"
                + " | %s | GHL calls left today: %s | %s",
            progress.getLocationId(), progress.getState(), doneOfTotal(figures),
            figures.percent().isPresent() ? " (" + figures.percent().getAsLong() + "%)" : "",
            progress.getInFlight().size(), progress.getContactsUnconfirmed(), rate(progress.getContactsPerMinute()),
            callsLeft(progress), figures.timeLeft().map(left -> "about " + duration(left) + " left")
                .orElse("time left unknown"));
    }

    /** {@code 1,200/3,000}, or {@code 1,200/?} without a total. */
    public static String doneOfTotal(final ProgressFigures figures) {
        return String.format(Locale.ROOT, "%,d/%s", figures.done(),
            figures.total().isPresent() ? String.format(Locale.ROOT, "%,d", figures.total().getAsLong()) : "?");
    }

    /** {@code 850 contacts/min}. */
    public static String rate(final double perMinute) {
        return String.format(Locale.ROOT, "%,.0f contacts/min", perMinute);
    }

    /** GHL's daily remainder, or {@code unknown}. */
    public static String callsLeft(final BackfillProgress progress) {
        return progress.getDailyCallsLeft() == null ? "unknown"
            : String.format(Locale.ROOT, "%,d", progress.getDailyCallsLeft());
    }

    /** {@code 1h 05m}, {@code 2m 07s} or {@code 45s}. */
    public static String duration(final Duration duration) {
        final long seconds = duration.toSeconds();
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
        }
        if (seconds >= 60) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return seconds + "s";
    }
}
