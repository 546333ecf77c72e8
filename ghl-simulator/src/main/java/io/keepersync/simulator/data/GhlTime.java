package io.keepersync.simulator.data;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The time formats GHL uses on its different surfaces (CONTRACT §6, PITFALLS 15). */
public final class GhlTime {

    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter LOCAL_NO_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private GhlTime() {
    }

    /** {@code 2026-03-02T15:04:10.981Z}: contacts, notes, tasks, webhook timestamps. */
    public static String utcMillis(final Instant instant) {
        return UTC_MILLIS.format(instant);
    }

    /** {@code 2026-03-10T10:00:00-05:00}: appointment webhooks and the calendars API. */
    public static String withOffset(final Instant instant, final ZoneId zone) {
        return WITH_OFFSET.format(instant.atZone(zone));
    }

    /** {@code 2026-03-10 10:00:00}: the contact appointments list, written in the given zone without offset. */
    public static String localNoOffset(final Instant instant, final ZoneId zone) {
        return LOCAL_NO_OFFSET.format(instant.atZone(zone));
    }

    /** Appointment times carry whole seconds on every surface, so they are stored that way. */
    public static Instant toSeconds(final Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
