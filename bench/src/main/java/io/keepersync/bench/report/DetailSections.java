package io.keepersync.bench.report;

import com.fasterxml.jackson.databind.JsonNode;

/** The report's detail sections: the raw figures behind each summary row, one section per benchmark. */
final class DetailSections {

    private static final String LATENCY_HEADER = "| Run | Target rate | Achieved | OK | Failed | p50 | p90 | p99 "
        + "| p99.9 | max |\n|---|---|---|---|---|---|---|---|---|---|\n";

    private DetailSections() {
    }

    static String of(final JsonNode results) {
        return "## Details\n\n" + gateway(results.path("gateway").path("result"))
            + signatures(results.path("signatures").path("result"))
            + endToEnd(results.path("e2e").path("result"))
            + sink(results.path("sink").path("result"))
            + footprint(results.path("footprint").path("result"))
            + BackfillSummary.details(results.path("backfill").path("result"));
    }

    private static String gateway(final JsonNode gateway) {
        if (gateway.isMissingNode()) {
            return "";
        }
        final JsonNode sizes = gateway.path("recordSizes");
        final JsonNode producer = gateway.path("producer");
        return "### 1. Gateway ingest\n\n"
            + gateway.path("examples").asLong() + " example payloads, mean body "
            + Format.count(gateway.path("meanBodyBytes").asDouble()) + " B; records written to Kafka: key "
            + Format.count(sizes.path("meanKeyBytes").asDouble()) + " B, value "
            + Format.count(sizes.path("meanValueBytes").asDouble()) + " B (mean of "
            + Format.count(sizes.path("records").asDouble()) + ").\n\n"
            + "| Closed loop | Connections | Seconds | OK | Failed | Rate | service time p50 | p99 |\n"
            + "|---|---|---|---|---|---|---|---|\n"
            + rateRow("no-op endpoint", gateway.path("noopMax"))
            + rateRow("gateway", gateway.path("gatewayMax"))
            + "\n" + LATENCY_HEADER
            + latencyRow("gateway at 50 %", gateway.path("gatewayAtHalf"))
            + latencyRow("gateway at 90 %", gateway.path("gatewayAtNinety"))
            + latencyRow("no-op at the same 50 % rate", gateway.path("noopAtHalf"))
            + latencyRow("no-op at the same 90 % rate", gateway.path("noopAtNinety"))
            + "\nProducerPerformance (steady state after 10 % warm-up records): "
            + Format.count(producer.path("records").asDouble()) + " records of " + producer.path("recordBytes").asInt()
            + " B, " + Format.rate(producer.path("perSecond").asDouble()) + ", "
            + producer.path("megabytesPerSecond").asDouble() + " MB/s, latency mean "
            + Format.millis(producer.path("meanLatencyMs").asDouble()) + ", p50 "
            + Format.millis(producer.path("p50Ms").asDouble()) + ", p99 "
            + Format.millis(producer.path("p99Ms").asDouble()) + ".\n\n";
    }

    private static String rateRow(final String name, final JsonNode rate) {
        return "| " + name + " | " + rate.path("connections").asInt() + " | " + rate.path("seconds").asDouble()
            + " | " + Format.count(rate.path("succeeded").asDouble()) + " | " + Format.count(rate.path("failed")
            .asDouble()) + " | " + Format.rate(rate.path("perSecond").asDouble()) + " | "
            + Format.millis(rate.path("serviceTime").path("p50Ms").asDouble()) + " | "
            + Format.millis(rate.path("serviceTime").path("p99Ms").asDouble()) + " |\n";
    }

    private static String latencyRow(final String name, final JsonNode run) {
        final JsonNode latency = run.path("latency");
        return "| " + name + " | " + Format.rate(run.path("targetPerSecond").asDouble()) + " | "
            + Format.rate(run.path("achievedPerSecond").asDouble()) + " | "
            + Format.count(run.path("succeeded").asDouble()) + " | " + Format.count(run.path("failed").asDouble())
            + " | " + Format.millis(latency.path("p50Ms").asDouble()) + " | "
            + Format.millis(latency.path("p90Ms").asDouble()) + " | "
            + Format.millis(latency.path("p99Ms").asDouble()) + " | "
            + Format.millis(latency.path("p999Ms").asDouble()) + " | "
            + Format.millis(latency.path("maxMs").asDouble()) + " |\n";
    }

    private static String signatures(final JsonNode signatures) {
        if (signatures.isMissingNode()) {
            return "";
        }
        return "### 1. Signature check (JMH, one thread)\n\nBody " + signatures.path("bodyBytes").asLong()
            + " B (webhook-ContactUpdate.json).\n\n"
            + "| Check | per second | ± (99.9 %) | per check |\n|---|---|---|---|\n"
            + checkRow("Ed25519", signatures.path("ed25519"))
            + checkRow("RSA-SHA256 " + signatures.path("rsaKeyBits").asInt() + " bit", signatures.path("rsa")) + "\n";
    }

    private static String checkRow(final String name, final JsonNode check) {
        return "| " + name + " | " + Format.count(check.path("perSecond").asDouble()) + " | "
            + Format.count(check.path("error").asDouble()) + " | "
            + Format.micros(check.path("microsPerCheck").asDouble()) + " |\n";
    }

    private static String endToEnd(final JsonNode e2e) {
        if (e2e.isMissingNode()) {
            return "";
        }
        return "### 2. End to end\n\n" + Format.rate(e2e.path("perSecond").asDouble()) + " contact changes for "
            + Format.seconds(e2e.path("measuredSeconds").asDouble()) + " over " + e2e.path("contacts").asInt()
            + " contacts; GHL simulator latency " + e2e.path("ghlLatency").asText() + ", rate limit off; read API "
            + "polled every " + e2e.path("pollIntervalMs").asLong() + " ms (latencies are overstated by up to that); "
            + "scheduled " + e2e.path("scheduled").asLong() + ", accepted " + e2e.path("accepted").asLong()
            + ", visible " + e2e.path("visible").asLong() + "; keeper process peak RSS "
            + Format.mebibytes(e2e.path("peakRssBytes").asDouble()) + ".\n\n"
            + "| Span | count | p50 | p90 | p99 | p99.9 | max |\n|---|---|---|---|---|---|---|\n"
            + spanRow("accepted -> visible", e2e.path("acceptedToVisible"))
            + spanRow("accepted -> enriched (syncedAt)", e2e.path("acceptedToEnriched"))
            + spanRow("enriched -> visible", e2e.path("enrichedToVisible")) + "\n";
    }

    private static String spanRow(final String name, final JsonNode latency) {
        return "| " + name + " | " + latency.path("count").asLong() + " | "
            + Format.millis(latency.path("p50Ms").asDouble()) + " | " + Format.millis(latency.path("p90Ms").asDouble())
            + " | " + Format.millis(latency.path("p99Ms").asDouble()) + " | "
            + Format.millis(latency.path("p999Ms").asDouble()) + " | "
            + Format.millis(latency.path("maxMs").asDouble()) + " |\n";
    }

    private static String sink(final JsonNode sink) {
        if (sink.isMissingNode()) {
            return "";
        }
        final StringBuilder out = new StringBuilder("### 3. Sink\n\n")
            .append(Format.count(sink.path("records").asDouble())).append(" records, mean value ")
            .append(Format.count(sink.path("meanValueBytes").asDouble())).append(" B, ")
            .append(sink.path("partitions").asInt()).append(" partitions; produced once in ")
            .append(Format.seconds(sink.path("produceSeconds").asDouble())).append(".\n\n")
            .append("| Round | bare steady | bare incl. start | decoding steady | sink steady | sink incl. start "
                + "| complete |\n")
            .append("|---|---|---|---|---|---|---|\n");
        int number = 1;
        for (final JsonNode round : sink.path("rounds")) {
            out.append("| ").append(number++).append(" | ")
                .append(Format.rate(round.path("bare").path("steadyPerSecond").asDouble())).append(" | ")
                .append(Format.rate(round.path("bare").path("totalPerSecond").asDouble())).append(" | ")
                .append(Format.rate(round.path("decoding").path("steadyPerSecond").asDouble())).append(" | ")
                .append(Format.rate(round.path("sink").path("steadyPerSecond").asDouble())).append(" | ")
                .append(Format.rate(round.path("sink").path("totalPerSecond").asDouble())).append(" | ")
                .append(complete(round) ? "yes" : "**no**").append(" |\n");
        }
        return out.append('\n').toString();
    }

    private static boolean complete(final JsonNode round) {
        return round.path("bare").path("complete").asBoolean() && round.path("decoding").path("complete").asBoolean()
            && round.path("sink").path("complete").asBoolean();
    }

    private static String footprint(final JsonNode footprint) {
        if (footprint.isMissingNode()) {
            return "";
        }
        final StringBuilder out = new StringBuilder("### 4. Footprint\n\nJVM options `")
            .append(footprint.path("javaOptions").asText()).append("`.\n\n| Start | ready | embedded broker part |\n")
            .append("|---|---|---|\n");
        int number = 1;
        for (final JsonNode start : footprint.path("startups")) {
            out.append("| ").append(number++).append(" | ").append(Format.millis(start.path("readyMs").asDouble()))
                .append(" | ").append(Format.millis(start.path("brokerMs").asDouble())).append(" |\n");
        }
        final JsonNode idle = footprint.path("idle");
        final JsonNode loaded = footprint.path("loaded");
        return out.append("\n| Phase | seconds | last RSS | max RSS | VmHWM at end |\n|---|---|---|---|---|\n")
            .append(memoryRow("idle", idle))
            .append(memoryRow("loaded", loaded.path("memory")))
            .append("\nUnder load: ").append(loaded.path("changesPerSecond").asInt()).append(" simulator changes/s, ")
            .append(loaded.path("webhooksEmitted").asLong()).append(" webhooks emitted, ")
            .append(loaded.path("webhooksAccepted").asLong()).append(" accepted.\n\n").toString();
    }

    private static String memoryRow(final String phase, final JsonNode memory) {
        return "| " + phase + " | " + memory.path("seconds").asLong() + " | "
            + Format.mebibytes(memory.path("lastRssBytes").asDouble()) + " | "
            + Format.mebibytes(memory.path("maxRssBytes").asDouble()) + " | "
            + Format.mebibytes(memory.path("peakRssBytes").asDouble()) + " |\n";
    }
}
