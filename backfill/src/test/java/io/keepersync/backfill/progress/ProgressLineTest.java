package io.keepersync.backfill.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepersync.schemas.BackfillProgress;
import io.keepersync.schemas.BackfillState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void shouldSayWhatIsDoneTheRateTheBudgetAndTheTimeLeft() {
        final BackfillProgress progress = progress(BackfillState.RUNNING, 3000L, 1150, 50, 600.0, 196_500L);

        final String line = ProgressLine.of(progress);

        assertThat(line).isEqualTo("locationId=loc1 RUNNING 1,200/3,000 contacts done (40%), 0 in flight,"
            + " 50 unconfirmed | 600 contacts/min | GHL calls left today: 196,500 | about 3m 00s left");
    }

    @Test
    void shouldSayUnknownForWhatIsNotKnownYet() {
        final BackfillProgress progress = progress(BackfillState.RUNNING, null, 0, 0, 0.0, null);

        final String line = ProgressLine.of(progress);

        assertThat(line).contains("0/? contacts done,").contains("GHL calls left today: unknown")
            .endsWith("time left unknown");
    }

    @Test
    void shouldShowNothingLeftOnceDone() {
        final ProgressFigures figures = ProgressFigures.of(progress(BackfillState.DONE, 10L, 10, 0, 0.0, null));

        assertThat(figures.timeLeft()).contains(Duration.ZERO);
        assertThat(figures.percent()).hasValue(100);
    }

    @Test
    void shouldWriteDurationsInHoursMinutesOrSeconds() {
        assertThat(ProgressLine.duration(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(ProgressLine.duration(Duration.ofSeconds(127))).isEqualTo("2m 07s");
        assertThat(ProgressLine.duration(Duration.ofMinutes(65))).isEqualTo("1h 05m");
    }

    private static BackfillProgress progress(final BackfillState state, final Long total, final long enriched,
                                             final long unconfirmed, final double rate, final Long callsLeft) {
        return BackfillProgress.newBuilder().setLocationId("loc1").setRunId("run").setState(state)
            .setTotal(total).setContactsPublished(enriched + unconfirmed).setContactsEnriched(enriched)
            .setContactsUnconfirmed(unconfirmed).setInFlight(List.of()).setEnrichedOffsets(Map.of())
            .setContactsPerMinute(rate).setDailyCallsLeft(callsLeft).setStartedAt(T0).setUpdatedAt(T0).build();
    }
}
