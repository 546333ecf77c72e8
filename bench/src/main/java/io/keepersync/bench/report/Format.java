package io.keepersync.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** Number formats of the report: whole rates with separators, milliseconds with one decimal, ratios in per cent. */
final class Format {

    static final String NONE = "–";
    private static final double MIB = 1024.0 * 1024.0;

    private Format() {
    }

    static String rate(final double perSecond) {
        return String.format(Locale.ROOT, "%,.0f/s", perSecond);
    }

    static String count(final double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String millis(final double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    static String micros(final double micros) {
        return String.format(Locale.ROOT, "%.1f µs", micros);
    }

    static String seconds(final double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }

    static String mebibytes(final double bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / MIB);
    }

    static String percent(final double ratio) {
        return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.0f %%", ratio * 100) : NONE;
    }

    static String p50p99(final JsonNode summary) {
        return millis(summary.path("p50Ms").asDouble()) + " / " + millis(summary.path("p99Ms").asDouble());
    }

    static String met(final boolean met) {
        return met ? "yes" : "**no**";
    }

    static double ratio(final double numerator, final double denominator) {
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }
}
