package io.keepersync.bench.report;

import static io.keepersync.bench.report.Format.NONE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The report's main table: one row per figure, with the ceiling (or floor) measured in the same run, the
 * ratio between them and the goal. Rates read measured / ceiling; latencies, start-up and memory
 * read floor / measured; so for both, 100 % means "as good as the ceiling".
 */
final class SummaryTable {

    private static final double MIB = 1024.0 * 1024.0;

    private final List<String[]> rows = new ArrayList<>();
    private final List<Row> raw = new ArrayList<>();

    /**
     * One row, also kept in the raw JSON.
     *
     * @param benchmark which benchmark
     * @param figure what is measured
     * @param measured the value, formatted
     * @param ceiling the ceiling or floor, formatted
     * @param ratio the ratio, as a number (NaN when none)
     * @param goal the goal, formatted
     * @param met whether the goal is met, or null without a goal
     */
    record Row(String benchmark, String figure, String measured, String ceiling, double ratio, String goal,
               Boolean met) {
    }

    static SummaryTable of(final JsonNode results) {
        final SummaryTable table = new SummaryTable();
        table.gateway(results.path("gateway").path("result"), results.path("signatures").path("result"));
        table.endToEnd(results.path("e2e").path("result"));
        table.sink(results.path("sink").path("result"));
        table.footprint(results.path("footprint").path("result"));
        BackfillSummary.rows(results.path("backfill").path("result")).forEach(table::add);
        BurstSummary.rows(results.path("burst").path("result")).forEach(table::add);
        return table;
    }

    List<Row> rows() {
        return List.copyOf(raw);
    }

    String markdown() {
        final StringBuilder out = new StringBuilder();
        out.append("| Benchmark | Figure | Measured | Ceiling / floor (same run) | Ratio | Goal | Met |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        rows.forEach(row -> out.append("| ").append(String.join(" | ", row)).append(" |\n"));
        return out.toString();
    }

    private void add(final Row row) {
        raw.add(row);
        rows.add(new String[] {row.benchmark(), row.figure(), row.measured(), row.ceiling(),
            Format.percent(row.ratio()), row.goal(), row.met() == null ? NONE : Format.met(row.met())});
    }

    private void missing(final String benchmark) {
        add(new Row(benchmark, "not run or failed (see its log)", NONE, NONE, Double.NaN, NONE, null));
    }

    private void gateway(final JsonNode gateway, final JsonNode signatures) {
        if (gateway.isMissingNode()) {
            missing("1. Gateway ingest");
        } else {
            gatewayRows(gateway);
        }
        if (signatures.isMissingNode()) {
            missing("1. Signature check");
        } else {
            signatureRows(signatures, gateway.path("gatewayMax").path("perSecond").asDouble());
        }
    }

    private void gatewayRows(final JsonNode gateway) {
        final double max = gateway.path("gatewayMax").path("perSecond").asDouble();
        final double noop = gateway.path("noopMax").path("perSecond").asDouble();
        final JsonNode producer = gateway.path("producer");
        add(new Row("1. Gateway ingest", "signed webhooks accepted (Kafka acks=all), max rate", Format.rate(max),
            "no-op Javalin endpoint " + Format.rate(noop), Format.ratio(max, noop), ">= 50 %",
            Format.ratio(max, noop) >= 0.5));
        add(new Row("1. Gateway ingest", "same, against the raw producer", Format.rate(max),
            "ProducerPerformance " + Format.rate(producer.path("perSecond").asDouble()) + ", "
                + producer.path("recordBytes").asInt() + " B records",
            Format.ratio(max, producer.path("perSecond").asDouble()), NONE, null));
        latencyRow("50 %", gateway.path("gatewayAtHalf"), gateway.path("noopAtHalf"), true);
        latencyRow("90 %", gateway.path("gatewayAtNinety"), gateway.path("noopAtNinety"), false);
    }

    private void latencyRow(final String share, final JsonNode measured, final JsonNode noop, final boolean goal) {
        final double p99 = measured.path("latency").path("p99Ms").asDouble();
        final String figure = "p50 / p99 at " + share + " of max (" + Format.rate(measured.path("targetPerSecond")
            .asDouble()) + ", " + Format.count(measured.path("failed").asDouble()) + " failed)";
        add(new Row("1. Gateway ingest", figure, Format.p50p99(measured.path("latency")),
            "no-op endpoint at the same rate " + Format.p50p99(noop.path("latency")),
            Format.ratio(noop.path("latency").path("p99Ms").asDouble(), p99),
            goal ? "p99 < 50 ms" : NONE, goal ? p99 < 50 : null));
    }

    private void signatureRows(final JsonNode signatures, final double gatewayMax) {
        for (final String scheme : Arrays.asList("ed25519", "rsa")) {
            final JsonNode check = signatures.path(scheme);
            final String name = "ed25519".equals(scheme) ? "Ed25519 (X-GHL-Signature)"
                : "RSA-SHA256 " + signatures.path("rsaKeyBits").asInt() + " bit (X-WH-Signature)";
            add(new Row("1. Signature check (JMH)", name + " checks per core",
                Format.rate(check.path("perSecond").asDouble()) + " (" + Format.micros(check.path("microsPerCheck")
                    .asDouble()) + " each)",
                "share of one core at the gateway's max rate " + Format.rate(gatewayMax),
                Format.ratio(gatewayMax, check.path("perSecond").asDouble()), NONE, null));
        }
    }

    private void endToEnd(final JsonNode e2e) {
        if (e2e.isMissingNode()) {
            missing("2. End to end");
            return;
        }
        final JsonNode latency = e2e.path("acceptedToVisible");
        final double quiet = e2e.path("quietPeriodMs").asDouble();
        add(new Row("2. End to end", "webhook accepted -> visible in GET /contacts/{id}, p50 / p99 at "
            + Format.rate(e2e.path("perSecond").asDouble()) + " (" + e2e.path("visible").asLong() + " of "
            + e2e.path("scheduled").asLong() + " seen)", Format.p50p99(latency),
            "floor: enrichment quiet period " + Format.millis(quiet),
            Format.ratio(quiet, latency.path("p50Ms").asDouble()), "p99 < 1 s",
            latency.path("p99Ms").asDouble() < 1000 && e2e.path("visible").asLong() == e2e.path("scheduled").asLong()));
        add(new Row("2. End to end", "of which accepted -> enriched (syncedAt), p50 / p99",
            Format.p50p99(e2e.path("acceptedToEnriched")), NONE, Double.NaN, NONE, null));
        add(new Row("2. End to end", "of which enriched -> visible, p50 / p99",
            Format.p50p99(e2e.path("enrichedToVisible")), NONE, Double.NaN, NONE, null));
    }

    private void sink(final JsonNode sink) {
        if (sink.isMissingNode()) {
            missing("3. Sink");
            return;
        }
        final double materialised = median(sink.path("rounds"), "sink");
        final double bare = median(sink.path("rounds"), "bare");
        final double decoding = median(sink.path("rounds"), "decoding");
        add(new Row("3. Sink", "enriched records materialised into the Keeper store (median of rounds)",
            Format.rate(materialised), "bare KafkaConsumer " + Format.rate(bare), Format.ratio(materialised, bare),
            ">= 50 %", Format.ratio(materialised, bare) >= 0.5));
        add(new Row("3. Sink", "same, against a consumer that also decodes the Avro values", Format.rate(materialised),
            "decoding KafkaConsumer " + Format.rate(decoding), Format.ratio(materialised, decoding), NONE, null));
    }

    private void footprint(final JsonNode footprint) {
        if (footprint.isMissingNode()) {
            missing("4. Footprint");
            return;
        }
        final List<Double> starts = new ArrayList<>();
        footprint.path("startups").forEach(start -> starts.add(start.path("readyMs").asDouble()));
        final double startup = median(starts);
        final JsonNode floor = footprint.path("floor");
        add(new Row("4. Footprint", "keeper run start-up to both /health (median of " + starts.size() + ")",
            Format.millis(startup),
            "JVM with only the no-op endpoint " + Format.millis(floor.path("readyMs").asDouble()),
            Format.ratio(floor.path("readyMs").asDouble(), startup), NONE, null));
        final double idle = footprint.path("idle").path("lastRssBytes").asDouble();
        add(new Row("4. Footprint", "resident memory at idle", Format.mebibytes(idle),
            "JVM with only the no-op endpoint " + Format.mebibytes(floor.path("idleRssBytes").asDouble()),
            Format.ratio(floor.path("idleRssBytes").asDouble(), idle), "< 600 MiB", idle < 600 * MIB));
        final JsonNode loaded = footprint.path("loaded");
        add(new Row("4. Footprint", "resident memory under load (max; " + loaded.path("changesPerSecond").asInt()
            + " GHL changes/s)", Format.mebibytes(loaded.path("memory").path("maxRssBytes").asDouble()),
            "same floor", Format.ratio(floor.path("idleRssBytes").asDouble(),
            loaded.path("memory").path("maxRssBytes").asDouble()), NONE, null));
    }

    private static double median(final JsonNode rounds, final String field) {
        final List<Double> values = new ArrayList<>();
        rounds.forEach(round -> values.add(round.path(field).path("steadyPerSecond").asDouble()));
        return median(values);
    }

    static double median(final List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        final List<Double> sorted = values.stream().sorted().toList();
        final int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
