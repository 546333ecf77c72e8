package io.keepersync.bench.load;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Webhook {@code timestamp} values as GHL writes them: UTC with milliseconds ({@code 2026-03-02T16:20:45.118Z}). */
public final class GhlTimestamps {

    private static final DateTimeFormatter FORMAT =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private GhlTimestamps() {
    }

    /** The current time. */
    public static String now() {
        return FORMAT.format(Instant.now());
    }
}
