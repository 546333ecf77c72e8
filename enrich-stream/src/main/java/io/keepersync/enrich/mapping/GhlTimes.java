package io.keepersync.enrich.mapping;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Optional;

/**
 * Reads the time formats GHL uses (CONTRACT §6, PITFALLS 15) into instants:
 * ISO-8601 with {@code Z} or a numeric offset, epoch milliseconds, and local date-times without an
 * offset ({@code 2026-03-10 10:00:00}), which are read in the zone the caller names.
 */
public final class GhlTimes {

    private static final DateTimeFormatter LOCAL_DATE_TIME = new DateTimeFormatterBuilder()
        .append(DateTimeFormatter.ISO_LOCAL_DATE)
        .optionalStart().appendLiteral(' ').optionalEnd()
        .optionalStart().appendLiteral('T').optionalEnd()
        .append(DateTimeFormatter.ISO_LOCAL_TIME)
        .toFormatter();

    private GhlTimes() {
    }

    /**
     * The instant a GHL time string stands for; {@code zoneForLocalTimes} is used only when the string
     * carries no offset. Empty for blank or unreadable values.
     */
    public static Optional<Instant> parse(final String text, final ZoneId zoneForLocalTimes) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        final String value = text.trim();
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(value)));
            }
            if (hasOffset(value)) {
                return Optional.of(OffsetDateTime.parse(value.replace(' ', 'T')).toInstant());
            }
            if (value.length() == 10) {
                return Optional.of(LocalDate.parse(value).atStartOfDay(zoneForLocalTimes).toInstant());
            }
            return Optional.of(LocalDateTime.parse(value, LOCAL_DATE_TIME).atZone(zoneForLocalTimes).toInstant());
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The zone named by an IANA id such as {@code America/Chicago}, or UTC when absent or unknown. */
    public static ZoneId zoneOrUtc(final String zoneId) {
        if (zoneId == null || zoneId.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zoneId.trim());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static boolean hasOffset(final String value) {
        if (value.endsWith("Z") || value.endsWith("z")) {
            return true;
        }
        final int timeStart = Math.max(value.indexOf('T'), value.indexOf(' '));
        if (timeStart < 0) {
            return false;
        }
        final String time = value.substring(timeStart + 1);
        return time.contains("+") || time.contains("-");
    }
}
