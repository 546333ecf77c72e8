package io.keepersync.backfill.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateMeterTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void shouldMeasureContactsPerMinuteOverTheWindow() {
        final RateMeter meter = new RateMeter(Duration.ofMinutes(2));

        meter.record(T0, 100);
        meter.record(T0.plusSeconds(30), 150);
        meter.record(T0.plusSeconds(60), 400);

        assertThat(meter.perMinute()).isCloseTo(300.0, within(0.001));
    }

    @Test
    void shouldForgetSamplesOlderThanTheWindow() {
        final RateMeter meter = new RateMeter(Duration.ofMinutes(1));
        meter.record(T0, 0);
        meter.record(T0.plusSeconds(10), 1000);

        meter.record(T0.plusSeconds(100), 1000);
        meter.record(T0.plusSeconds(130), 1060);

        assertThat(meter.perMinute()).isCloseTo(120.0, within(0.001));
    }

    @Test
    void shouldReportNoRateBeforeTwoSamplesASecondApart() {
        final RateMeter meter = new RateMeter(Duration.ofMinutes(1));
        meter.record(T0, 0);
        meter.record(T0.plusMillis(500), 10);

        assertThat(meter.perMinute()).isZero();
    }
}
