package io.keepersync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long and how hard each benchmark runs. {@link #fromSystemProperties()} picks the full settings, or the
 * quick ones (a smoke run of about three minutes) when {@code -Dbench.quick=1}; {@code bench/run} passes
 * {@code BENCH_QUICK} through.
 *
 * @param quick whether these are the quick settings
 * @param root the repository root, holding the {@code keeper} script and {@code fixtures/ghl-examples}
 * @param jmhWarmupIterations JMH warm-up iterations per signature benchmark
 * @param jmhIterations JMH measured iterations per signature benchmark
 * @param jmhIterationTime length of one JMH iteration
 * @param warmup unmeasured load before each HTTP measurement
 * @param maxRateDuration length of a closed-loop maximum-rate measurement
 * @param latencyDuration length of an open-loop fixed-rate latency measurement
 * @param connections concurrent requests (and so connections) of the closed-loop load
 * @param producerRecords records sent by Kafka's producer performance tool
 * @param endToEndRate webhooks per second of the end-to-end benchmark
 * @param endToEndWarmup unmeasured end-to-end traffic before the measurement
 * @param endToEndDuration measured end-to-end traffic
 * @param pollInterval how often the read API is asked whether a change is visible
 * @param sinkRecords enriched records materialised per sink round
 * @param sinkRounds rounds of sink and bare consumer, alternating
 * @param footprintStarts cold starts of {@code keeper run} timed
 * @param idleDuration how long the started process is left idle before its memory is read
 * @param loadDuration how long the process is loaded while its memory is sampled
 * @param loadRate simulated GHL changes per second during that load
 */
public record BenchSettings(
    boolean quick,
    Path root,
    int jmhWarmupIterations,
    int jmhIterations,
    Duration jmhIterationTime,
    Duration warmup,
    Duration maxRateDuration,
    Duration latencyDuration,
    int connections,
    long producerRecords,
    int endToEndRate,
    Duration endToEndWarmup,
    Duration endToEndDuration,
    Duration pollInterval,
    int sinkRecords,
    int sinkRounds,
    int footprintStarts,
    Duration idleDuration,
    Duration loadDuration,
    int loadRate) {

    private static final Pattern SCRIPT_DEFAULT_OPTS = Pattern.compile("\\$\\{KEEPER_JAVA_OPTS:-([^}]*)}");

    /** Reads {@code bench.quick} and {@code bench.root} (default: the working directory). */
    public static BenchSettings fromSystemProperties() {
        final boolean quick = "1".equals(System.getProperty("bench.quick", "0"))
            || "true".equalsIgnoreCase(System.getProperty("bench.quick"));
        final Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        return quick ? quick(root) : full(root);
    }

    private static BenchSettings full(final Path root) {
        return new BenchSettings(false, root, 3, 5, Duration.ofSeconds(2), Duration.ofSeconds(10),
            Duration.ofSeconds(20), Duration.ofSeconds(20), 64, 300_000, 10, Duration.ofSeconds(15),
            Duration.ofSeconds(60), Duration.ofMillis(50), 100_000, 3, 3, Duration.ofSeconds(20),
            Duration.ofSeconds(30), 100);
    }

    private static BenchSettings quick(final Path root) {
        return new BenchSettings(true, root, 1, 2, Duration.ofSeconds(1), Duration.ofSeconds(3),
            Duration.ofSeconds(5), Duration.ofSeconds(5), 64, 100_000, 10, Duration.ofSeconds(5),
            Duration.ofSeconds(15), Duration.ofMillis(50), 20_000, 1, 1, Duration.ofSeconds(5),
            Duration.ofSeconds(10), 50);
    }

    /** The GHL example payloads the gateway benchmark signs and sends. */
    public Path examplesDir() {
        return root.resolve("fixtures").resolve("ghl-examples");
    }

    /**
     * The jar the {@code keeper} script runs ({@code bench.keeperJar}, by default the launcher's build output).
     * Benchmarks start it directly, as the script does, because the script rebuilds the jar first whenever a
     * source file is newer, which would be timed as start-up.
     */
    public Path keeperJar() {
        final String configured = System.getProperty("bench.keeperJar");
        return configured != null ? Path.of(configured)
            : root.resolve("launcher").resolve("target").resolve("keeper.jar");
    }

    /**
     * JVM options of a keeper process, chosen as the {@code keeper} script chooses them: {@code KEEPER_JAVA_OPTS}
     * when set, else the default written in the script. The no-op endpoint runs with the same options.
     */
    public String keeperJavaOptions() {
        final String configured = System.getenv("KEEPER_JAVA_OPTS");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try {
            final Matcher matcher = SCRIPT_DEFAULT_OPTS.matcher(Files.readString(root.resolve("keeper")));
            if (matcher.find()) {
                return matcher.group(1);
            }
            throw new IllegalStateException("no ${KEEPER_JAVA_OPTS:-...} default in " + root.resolve("keeper"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the keeper script in " + root, e);
        }
    }
}
