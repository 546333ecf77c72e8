package io.keepersync.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the per-benchmark JSON files of a run into {@code results-<stamp>.md} (machine, summary table with
 * ratios, details) and {@code results-<stamp>.json} (the same plus every raw figure). Settings come from
 * system properties set by {@code bench/run}: {@code bench.resultsDir}, {@code bench.stamp},
 * {@code bench.buildSeconds}, {@code bench.runSeconds}, {@code bench.revision}.
 */
public final class ReportWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);
    private static final List<String> BENCHMARKS = List.of("signatures", "gateway", "e2e", "sink", "footprint",
        "backfill", "burst");

    private final Path workDir;
    private final Path resultsDir;
    private final String stamp;
    private final double buildSeconds;
    private final double runSeconds;
    private final String revision;

    private ReportWriter(final Path workDir, final Path resultsDir, final String stamp, final double buildSeconds,
                         final double runSeconds, final String revision) {
        this.workDir = workDir;
        this.resultsDir = resultsDir;
        this.stamp = stamp;
        this.buildSeconds = buildSeconds;
        this.runSeconds = runSeconds;
        this.revision = revision;
    }

    /** A writer for the run in {@code workDir}, configured by the {@code bench.*} system properties. */
    public static ReportWriter fromSystemProperties(final Path workDir) {
        return new ReportWriter(workDir, Path.of(System.getProperty("bench.resultsDir", workDir.toString())),
            System.getProperty("bench.stamp", "unstamped"),
            Double.parseDouble(System.getProperty("bench.buildSeconds", "0")),
            Double.parseDouble(System.getProperty("bench.runSeconds", "0")),
            System.getProperty("bench.revision", "unknown"));
    }

    /** Writes both files; benchmarks whose JSON is missing are reported as not run. */
    public void write() {
        final ObjectNode results = ResultsFile.mapper().createObjectNode();
        BENCHMARKS.stream().filter(name -> Files.exists(file(name)))
            .forEach(name -> results.set(name, ResultsFile.read(file(name))));
        final MachineInfo machine = MachineInfo.current();
        final SummaryTable summary = SummaryTable.of(results);
        final boolean quick = results.findValues("quick").stream().anyMatch(JsonNode::asBoolean);

        final ObjectNode raw = ResultsFile.mapper().createObjectNode();
        raw.put("stamp", stamp).put("revision", revision).put("quick", quick).put("buildSeconds", buildSeconds)
            .put("runSeconds", runSeconds);
        raw.set("machine", ResultsFile.mapper().valueToTree(machine));
        raw.set("summary", ResultsFile.mapper().valueToTree(summary.rows()));
        raw.set("benchmarks", results);

        final Path json = resultsDir.resolve("results-" + stamp + ".json");
        final Path markdown = resultsDir.resolve("results-" + stamp + ".md");
        createDirectories(resultsDir);
        ResultsFile.write(json, raw);
        writeString(markdown, markdown(machine, summary, results, quick));
        LOG.info("Results written markdown={} json={}", markdown, json);
    }

    private String markdown(final MachineInfo machine, final SummaryTable summary, final JsonNode results,
                            final boolean quick) {
        final StringBuilder out = new StringBuilder();
        out.append("# Keeper Sync benchmark results ").append(stamp).append("\n\n");
        out.append(quick ? "**Quick run** (BENCH_QUICK=1): short durations, figures are rough.\n\n"
            : "Full run.\n\n");
        out.append(machineTable(machine));
        out.append(timingTable(results));
        out.append("## Summary\n\n").append(summary.markdown()).append('\n');
        out.append("Ratios: rates are measured / ceiling; latency, start-up and memory are floor / measured; so "
            + "100 % would mean as good as the ceiling. Signature rows give the share of one core the check "
            + "would take at the gateway's maximum rate.\n\n");
        out.append(DetailSections.of(results));
        return out.toString();
    }

    private String machineTable(final MachineInfo machine) {
        return "## Machine\n\n| | |\n|---|---|\n"
            + "| processors | " + machine.processors() + " |\n"
            + "| memory | " + machine.memoryTotal() + " |\n"
            + "| CPU | " + machine.cpuModel() + " |\n"
            + "| JDK | " + machine.jdk() + " |\n"
            + "| OS | " + machine.os() + " |\n"
            + "| code | " + revision + " |\n"
            + "| load average at the end (1, 5, 15 min) | " + machine.loadAverage() + " |\n\n";
    }

    private String timingTable(final JsonNode results) {
        final StringBuilder out = new StringBuilder("## Run\n\n| Step | Seconds | Load average at its start |\n"
            + "|---|---|---|\n");
        out.append("| build (mvn package) | ").append(Math.round(buildSeconds)).append(" | |\n");
        BENCHMARKS.forEach(name -> {
            final JsonNode run = results.path(name);
            out.append("| ").append(name).append(" | ")
                .append(run.isMissingNode() ? "failed or not run" : Math.round(run.path("seconds").asDouble()))
                .append(" | ").append(run.path("result").path("loadAverageAtStart").asText("")).append(" |\n");
        });
        out.append("| **total, build included** | ").append(Math.round(buildSeconds + runSeconds)).append(" | |\n\n");
        return out.toString();
    }

    private Path file(final String benchmark) {
        return workDir.resolve(benchmark + ".json");
    }

    private static void createDirectories(final Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    private static void writeString(final Path file, final String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
