package io.keepersync.bench.gateway;

import io.keepersync.bench.process.ChildProcesses;
import io.keepersync.bench.process.JavaProcess;
import io.keepersync.gateway.publish.ProducerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw producer ceiling: Kafka's own {@code org.apache.kafka.tools.ProducerPerformance}, in a JVM of its
 * own, sending records of a given size to a topic as fast as it can with the gateway's delivery settings
 * ({@code acks=all}, idempotence, the gateway's {@code linger.ms}) and keys spread over many values, as the
 * gateway keys by contact.
 */
public final class ProducerCeiling {

    private static final String TOOL = "org.apache.kafka.tools.ProducerPerformance";
    private static final Pattern SUMMARY = Pattern.compile(
        "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, "
            + "([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");
    private static final long TIMEOUT_MINUTES = 5;

    private ProducerCeiling() {
    }

    /**
     * What the tool reported for the records after its warm-up (its steady-state line when it prints one).
     *
     * @param records records counted
     * @param recordBytes value size of each record
     * @param perSecond records per second
     * @param megabytesPerSecond MB per second as the tool counts them
     * @param meanLatencyMs mean send-to-acknowledgement latency
     * @param p50Ms median latency
     * @param p99Ms 99th percentile latency
     */
    public record Result(long records, int recordBytes, double perSecond, double megabytesPerSecond,
                         double meanLatencyMs, double p50Ms, double p99Ms) {
    }

    /** Runs the tool against {@code topic}; blocks until it finishes (at most five minutes). */
    public static Result run(final String bootstrapServers, final String topic, final long records,
                             final int recordBytes, final Path log) throws InterruptedException {
        final List<String> args = List.of("--bootstrap-server", bootstrapServers, "--topic", topic,
            "--num-records", String.valueOf(records), "--record-size", String.valueOf(recordBytes),
            "--throughput", "-1", "--warmup-records", String.valueOf(records / 10),
            "--key-distribution", "random", "--record-key-range", "100000",
            "--command-property", "acks=all", "enable.idempotence=true",
            "linger.ms=" + ProducerSettings.DEFAULT_LINGER_MS);
        final Process process = JavaProcess.start("-Xmx512m", TOOL, args, log);
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("ProducerPerformance failed or timed out; see " + log);
            }
        } finally {
            ChildProcesses.stop(process);
        }
        return parse(log, recordBytes);
    }

    private static Result parse(final Path log, final int recordBytes) {
        try {
            final List<String> lines = Files.readAllLines(log);
            for (int i = lines.size() - 1; i >= 0; i--) {
                final Matcher summary = SUMMARY.matcher(lines.get(i));
                if (summary.find()) {
                    return new Result(Long.parseLong(summary.group(1)), recordBytes,
                        Double.parseDouble(summary.group(2)), Double.parseDouble(summary.group(3)),
                        Double.parseDouble(summary.group(4)), Double.parseDouble(summary.group(6)),
                        Double.parseDouble(summary.group(8)));
                }
            }
            throw new IllegalStateException("no summary line in the ProducerPerformance output " + log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }
}
