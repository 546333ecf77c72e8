package io.keepersync.launcher.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SinceConverterTest {

    private final SinceConverter converter = new SinceConverter();

    @Test
    void shouldReadADateAsMidnightUtc() {
        assertThat(converter.convert("2026-01-31")).isEqualTo(Instant.parse("2026-01-31T00:00:00Z"));
    }

    @Test
    void shouldReadAnInstantWithAnOffset() {
        assertThat(converter.convert("2026-01-31T10:00:00-05:00")).isEqualTo(Instant.parse("2026-01-31T15:00:00Z"));
    }

    @Test
    void shouldRefuseAnythingElseSayingWhatItTakes() {
        assertThatThrownBy(() -> converter.convert("last week"))
            .isInstanceOf(CommandLine.TypeConversionException.class)
            .hasMessageContaining("2026-01-31");
    }
}
