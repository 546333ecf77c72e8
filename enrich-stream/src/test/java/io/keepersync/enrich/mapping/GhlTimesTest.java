package io.keepersync.enrich.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GhlTimesTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Test
    void shouldAgreeOnOneAppointmentAcrossTheThreeFormats() {
        final Instant expected = Instant.parse("2026-03-10T15:00:00Z");

        assertThat(GhlTimes.parse("2026-03-10T10:00:00-05:00", ZoneOffset.UTC)).contains(expected);
        assertThat(GhlTimes.parse("2026-03-10 10:00:00", CHICAGO)).contains(expected);
        assertThat(GhlTimes.parse(String.valueOf(expected.toEpochMilli()), ZoneOffset.UTC)).contains(expected);
    }

    @Test
    void shouldApplyTheOffsetInForceOnEachSideOfTheDaylightSavingSwitch() {
        assertThat(GhlTimes.parse("2026-03-07 10:00:00", CHICAGO)).contains(Instant.parse("2026-03-07T16:00:00Z"));
        assertThat(GhlTimes.parse("2026-03-09 10:00:00", CHICAGO)).contains(Instant.parse("2026-03-09T15:00:00Z"));
    }

    @Test
    void shouldReadUtcTimestampsWithMillis() {
        assertThat(GhlTimes.parse("2026-03-02T15:04:10.981Z", CHICAGO)).contains(Instant.parse("2026-03-02T15:04:10.981Z"));
    }

    @Test
    void shouldGiveNothingForBlankOrUnreadableValues() {
        assertThat(GhlTimes.parse("", CHICAGO)).isEmpty();
        assertThat(GhlTimes.parse("next tuesday", CHICAGO)).isEmpty();
        assertThat(GhlTimes.parse(null, CHICAGO)).isEmpty();
    }

    @Test
    void shouldFallBackToUtcForUnknownZones() {
        assertThat(GhlTimes.zoneOrUtc("Mars/Olympus")).isEqualTo(ZoneOffset.UTC);
        assertThat(GhlTimes.zoneOrUtc("Etc/GMT+12")).isEqualTo(ZoneId.of("Etc/GMT+12"));
    }
}
