package io.keepersync.bench;

import io.keepersync.bench.backfill.BackfillBenchmark;
import io.keepersync.bench.gateway.GatewayBenchmark;
import io.keepersync.bench.pipeline.EndToEndBenchmark;
import io.keepersync.bench.pipeline.FootprintBenchmark;
import io.keepersync.bench.ratelimit.BurstBenchmark;
import io.keepersync.bench.report.ReportWriter;
import io.keepersync.bench.report.ResultsFile;
import io.keepersync.bench.signature.SignatureBenchmark;
import io.keepersync.bench.sink.SinkBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of every benchmark JVM started by {@code bench/run}:
 * {@code BenchMain <signatures|gateway|e2e|sink|footprint|backfill|burst> <workDir>} runs one benchmark and writes
 * {@code <workDir>/<name>.json}; {@code BenchMain report <workDir>} turns those files into the results
 * report (see {@link ReportWriter}). Exits 0 on success, 1 when the benchmark failed, 2 on bad arguments.
 */
public final class BenchMain {

    private static final Logger LOG = LoggerFactory.getLogger(BenchMain.class);

    private BenchMain() {
    }

    public static void main(final String[] args) {
        if (args.length != 2) {
            System.err.println("usage: BenchMain <signatures|gateway|e2e|sink|footprint|backfill|burst|report> <workDir>");
            System.exit(2);
        }
        System.exit(run(args[0], Path.of(args[1]).toAbsolutePath()));
    }

    private static int run(final String name, final Path workDir) {
        final BenchSettings settings = BenchSettings.fromSystemProperties();
        try {
            Files.createDirectories(workDir);
            if ("report".equals(name)) {
                ReportWriter.fromSystemProperties(workDir).write();
                return 0;
            }
            final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            final long startNanos = System.nanoTime();
            final Object result = benchmark(name, settings).run(workDir);
            final double seconds = (System.nanoTime() - startNanos) / 1e9;
            ResultsFile.write(workDir.resolve(name + ".json"),
                new ResultsFile.BenchmarkRun(name, settings.quick(), started.toString(), seconds, result));
            LOG.info("Benchmark done benchmark={} seconds={}", name, Math.round(seconds));
            return 0;
        } catch (Exception e) {
            LOG.error("Benchmark failed benchmark={}", name, e);
            return 1;
        }
    }

    private static Benchmark benchmark(final String name, final BenchSettings settings) {
        return switch (name) {
            case "signatures" -> new SignatureBenchmark(settings);
            case "gateway" -> new GatewayBenchmark(settings);
            case "e2e" -> new EndToEndBenchmark(settings);
            case "sink" -> new SinkBenchmark(settings);
            case "footprint" -> new FootprintBenchmark(settings);
            case "backfill" -> new BackfillBenchmark(settings);
            case "burst" -> new BurstBenchmark(settings);
            default -> throw new IllegalArgumentException("unknown benchmark " + name
                + "; expected signatures, gateway, e2e, sink, footprint, backfill, burst or report");
        };
    }
}
