package io.keepersync.bench.signature;

import io.keepersync.bench.BenchSettings;
import io.keepersync.bench.Benchmark;
import io.keepersync.bench.report.MachineInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link SignatureChecks} with JMH (one fork, one thread) and keeps JMH's own JSON beside the results.
 * The ceiling these figures are read against is the gateway's measured maximum rate: the report shows what
 * share of one core the checks would take at that rate.
 */
public final class SignatureBenchmark implements Benchmark {

    private static final Logger LOG = LoggerFactory.getLogger(SignatureBenchmark.class);
    private static final String EXAMPLE = "webhook-ContactUpdate.json";
    private static final double MICROS_PER_SECOND = 1e6;

    private final BenchSettings settings;

    public SignatureBenchmark(final BenchSettings settings) {
        this.settings = settings;
    }

    /**
     * Raw figures of the signature benchmark.
     *
     * @param loadAverageAtStart the machine's load average before JMH started
     * @param bodyBytes size of the signed example body
     * @param rsaKeyBits RSA key size
     * @param ed25519 Ed25519 checks per second on one thread
     * @param rsa RSA checks per second on one thread
     */
    public record Result(String loadAverageAtStart, long bodyBytes, int rsaKeyBits, Check ed25519, Check rsa) {
    }

    /**
     * One JMH score.
     *
     * @param perSecond checks per second on one thread
     * @param error JMH's 99.9 % confidence half-width, in checks per second
     * @param microsPerCheck 1 / perSecond, in microseconds
     */
    public record Check(double perSecond, double error, double microsPerCheck) {
    }

    @Override
    public Result run(final Path workDir) throws Exception {
        final String load = MachineInfo.currentLoadAverage();
        final Path body = settings.examplesDir().resolve(EXAMPLE);
        final Options options = new OptionsBuilder()
            .include(SignatureChecks.class.getName())
            .forks(1)
            .threads(1)
            .warmupIterations(settings.jmhWarmupIterations())
            .warmupTime(TimeValue.milliseconds(settings.jmhIterationTime().toMillis()))
            .measurementIterations(settings.jmhIterations())
            .measurementTime(TimeValue.milliseconds(settings.jmhIterationTime().toMillis()))
            .jvmArgsAppend("-Xmx512m", "-D" + SignatureChecks.BODY_PROPERTY + "=" + body)
            .resultFormat(ResultFormatType.JSON)
            .result(workDir.resolve("jmh-signatures.json").toString())
            .build();
        final Collection<RunResult> results = new Runner(options).run();
        final Map<String, Check> checks = results.stream().collect(Collectors.toMap(
            result -> shortName(result.getParams().getBenchmark()), SignatureBenchmark::check, (a, b) -> a));
        LOG.info("Signature checks per core ed25519PerSecond={} rsaPerSecond={}",
            Math.round(checks.get("ed25519").perSecond()), Math.round(checks.get("rsa").perSecond()));
        return new Result(load, Files.size(body), SignatureChecks.RSA_KEY_BITS, checks.get("ed25519"),
            checks.get("rsa"));
    }

    private static Check check(final RunResult result) {
        final double score = result.getPrimaryResult().getScore();
        return new Check(score, result.getPrimaryResult().getScoreError(), MICROS_PER_SECOND / score);
    }

    private static String shortName(final String benchmark) {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }
}
