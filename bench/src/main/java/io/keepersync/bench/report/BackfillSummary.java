package io.keepersync.bench.report;

import static io.keepersync.bench.report.Format.NONE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The backfill benchmark in the report: summary rows (GHL calls per 10 s as a share of the 100 allowed, contacts
 * per minute, for one location and three) and a detail table per location.
 */
final class BackfillSummary {

    private static final String BENCHMARK = "5. Backfill";
    /** Backfill leaves a fifth of every window to live work. */
    private static final double CEILING = 0.8;

    private BackfillSummary() {
    }

    static List<SummaryTable.Row> rows(final JsonNode backfill) {
        final List<SummaryTable.Row> rows = new ArrayList<>();
        if (backfill.isMissingNode()) {
            rows.add(new SummaryTable.Row(BENCHMARK, "not run or failed (see its log)", NONE, NONE, Double.NaN, NONE,
                null));
            return rows;
        }
        rows.addAll(runRows(backfill.path("oneLocation"), "1 location"));
        rows.addAll(runRows(backfill.path("threeLocations"), "3 locations at once"));
        rows.add(new SummaryTable.Row(BENCHMARK, "contacts per minute, 3 locations over 1",
            String.format(Locale.ROOT, "%.2fx", backfill.path("scaling").asDouble()), "3x (a budget per location)",
            backfill.path("scaling").asDouble() / 3, NONE, null));
        return rows;
    }

    static String details(final JsonNode backfill) {
        if (backfill.isMissingNode()) {
            return "";
        }
        final StringBuilder out = new StringBuilder("### 5. Backfill\n\n"
            + "Seeded locations with GHL's limit enforced by the simulator (100 requests per 10 s, 5-25 ms each); "
            + "enrichment and each backfill with the default client budget. A location's figures run from its "
            + "backfill's start until every contact's enriched record appeared.\n\n"
            + "| Run | Location | Contacts | Seconds | GHL calls | Calls / 10 s | Busiest 10 s | Share of budget "
            + "| Contacts / min | 429s in the run |\n|---|---|---|---|---|---|---|---|---|---|\n");
        appendRun(out, backfill.path("oneLocation"), "1 location");
        appendRun(out, backfill.path("threeLocations"), "3 locations");
        return out.append('\n').toString();
    }

    private static List<SummaryTable.Row> runRows(final JsonNode run, final String name) {
        final JsonNode locations = run.path("locationRuns");
        double share = 0;
        long busiest = 0;
        for (final JsonNode location : locations) {
            share += location.path("fractionOfBudget").asDouble() / locations.size();
            busiest = Math.max(busiest, location.path("busiest10s").asLong());
        }
        final long throttled = run.path("throttled").asLong();
        return List.of(
            new SummaryTable.Row(BENCHMARK, "GHL calls per 10 s and location, " + name + " (busiest 10 s: " + busiest
                + "; " + throttled + " answered 429)", Format.percent(share) + " of 100",
                "backfill's share of the budget 80 %", share / CEILING, "<= 100 per 10 s, no 429",
                busiest <= 100 && throttled == 0),
            new SummaryTable.Row(BENCHMARK, "contacts enriched per minute, " + name,
                String.format(Locale.ROOT, "%,.0f/min", run.path("aggregateContactsPerMinute").asDouble()), NONE,
                Double.NaN, NONE, null));
    }

    private static void appendRun(final StringBuilder out, final JsonNode run, final String name) {
        int index = 0;
        for (final JsonNode location : run.path("locationRuns")) {
            out.append("| ").append(name).append(" | ").append(++index).append(" | ")
                .append(location.path("contactsEnriched").asLong()).append(" | ")
                .append(Format.seconds(location.path("seconds").asDouble())).append(" | ")
                .append(Format.count(location.path("calls").asDouble())).append(" | ")
                .append(String.format(Locale.ROOT, "%.1f", location.path("callsPer10s").asDouble())).append(" | ")
                .append(location.path("busiest10s").asLong()).append(" | ")
                .append(Format.percent(location.path("fractionOfBudget").asDouble())).append(" | ")
                .append(String.format(Locale.ROOT, "%,.0f", location.path("contactsPerMinute").asDouble()))
                .append(" | ")
                .append(run.path("throttled").asLong()).append(" |\n");
        }
    }
}
