package io.keepersync.launcher.backfill;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** Reads {@code --since}: a date ({@code 2026-01-31}, midnight UTC) or an instant ({@code 2026-01-31T10:00:00Z}). */
final class SinceConverter implements CommandLine.ITypeConverter<Instant> {

    @Override
    public Instant convert(final String value) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is neither a date like 2026-01-31 nor an "
                + "instant like 2026-01-31T10:00:00Z");
        }
    }
}
