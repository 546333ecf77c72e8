package io.keepersync.backfill.progress;

import io.keepersync.schemas.BackfillProgress;
import io.keepersync.schemas.BackfillState;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What an operator wants to know about a backfill, derived from its checkpoint: how many contacts are done,
 * out of how many, and how long the rest will take at the recent rate.
 *
 * @param done contacts whose enriched record appeared, plus those enrichment consumed without writing one
 * @param total estimated contacts of the run; empty before GHL reported a total
 * @param timeLeft at the recent rate; empty when the rate or the total is unknown, zero once done
 */
public record ProgressFigures(long done, OptionalLong total, Optional<Duration> timeLeft) {

    /** The figures of one checkpoint. */
    public static ProgressFigures of(final BackfillProgress progress) {
        final long done = progress.getContactsEnriched() + progress.getContactsUnconfirmed();
        final OptionalLong total = progress.getTotal() == null ? OptionalLong.empty()
            : OptionalLong.of(Math.max(progress.getTotal(), done + progress.getInFlight().size()));
        return new ProgressFigures(done, total, timeLeft(progress, done, total));
    }

    /** Share done, from 0 to 100; empty without a total. */
    public OptionalLong percent() {
        if (total.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(total.getAsLong() == 0 ? 100 : Math.min(100, done * 100 / total.getAsLong()));
    }

    private static Optional<Duration> timeLeft(final BackfillProgress progress, final long done,
                                               final OptionalLong total) {
        if (progress.getState() == BackfillState.DONE) {
            return Optional.of(Duration.ZERO);
        }
        if (total.isEmpty() || progress.getContactsPerMinute() <= 0) {
            return Optional.empty();
        }
        final double minutes = Math.max(0, total.getAsLong() - done) / progress.getContactsPerMinute();
        return Optional.of(Duration.ofSeconds(Math.round(minutes * 60)));
    }
}
