package io.keepersync.bench.report;

import static io.keepersync.bench.report.Format.NONE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The burst benchmark in the report: how much of GHL's budget a burst of ContactCreate webhooks used, with how
 * many 429s, in one location and in ten at once.
 */
final class BurstSummary {

    private static final String BENCHMARK = "6. ContactCreate burst";
    private static final double GOAL = 0.9;

    private BurstSummary() {
    }

    static List<SummaryTable.Row> rows(final JsonNode burst) {
        final List<SummaryTable.Row> rows = new ArrayList<>();
        if (burst.isMissingNode()) {
            rows.add(new SummaryTable.Row(BENCHMARK, "not run or failed (see its log)", NONE, NONE, Double.NaN, NONE,
                null));
            return rows;
        }
        rows.add(budgetRow(burst.path("oneLocation"), "1 location", true));
        rows.add(budgetRow(burst.path("tenLocations"), "10 locations at once", false));
        rows.add(new SummaryTable.Row(BENCHMARK, "aggregate GHL calls per second, 10 locations over 1",
            String.format(Locale.ROOT, "%.2fx", burst.path("scaling").asDouble()), "10x (a budget per location)",
            burst.path("scaling").asDouble() / 10, NONE, null));
        return rows;
    }

    private static SummaryTable.Row budgetRow(final JsonNode run, final String name, final boolean withGoal) {
        final double fraction = run.path("fractionOfBudget").asDouble();
        final long throttled = run.path("throttled").asLong();
        return new SummaryTable.Row(BENCHMARK, String.format(Locale.ROOT,
            "budget used draining %,d creates per location, %s (%,d calls in %.0f s, %d answered 429)",
            run.path("createsPerLocation").asLong(), name, run.path("calls").asLong(), run.path("seconds").asDouble(),
            throttled), Format.percent(fraction), "100 at once, then 10 per second", fraction,
            withGoal ? "> 90 %, no 429" : NONE, withGoal ? fraction > GOAL && throttled == 0 : null);
    }
}
