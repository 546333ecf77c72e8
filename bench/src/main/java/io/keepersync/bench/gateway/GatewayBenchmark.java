package io.keepersync.bench.gateway;

import io.keepersync.bench.BenchSettings;
import io.keepersync.bench.Benchmark;
import io.keepersync.bench.load.HttpLoad;
import io.keepersync.bench.load.LatencyResult;
import io.keepersync.bench.load.RateResult;
import io.keepersync.bench.load.SignedWebhooks;
import io.keepersync.bench.process.ChildProcesses;
import io.keepersync.bench.process.FreePorts;
import io.keepersync.bench.process.HealthProbe;
import io.keepersync.bench.process.JavaProcess;
import io.keepersync.bench.process.KeeperLaunch;
import io.keepersync.bench.process.KeeperProcess;
import io.keepersync.bench.process.TempDirs;
import io.keepersync.bench.report.MachineInfo;
import io.keepersync.schemas.Topics;
import io.keepersync.simulator.webhook.WebhookSigner;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gateway ingest: signed example webhooks sent by many connections to {@code keeper run --services gateway}
 * (embedded broker, answers once Kafka acknowledged), against two ceilings measured in the same run: a
 * Javalin endpoint that answers without doing anything, and Kafka's producer performance tool sending
 * records of the gateway's record size to the same broker. The gateway's latency is then measured open
 * loop at 50 % and 90 % of its maximum rate, and the no-op endpoint's at the same rates.
 */
public final class GatewayBenchmark implements Benchmark {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayBenchmark.class);
    private static final long SIGNING_SEED = 2024;
    private static final int VARIANTS = 2_000;
    private static final int SIZE_SAMPLE = 20_000;
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final String WEBHOOK_PATH = "/webhooks/ghl";

    private final BenchSettings settings;

    public GatewayBenchmark(final BenchSettings settings) {
        this.settings = settings;
    }

    /**
     * Raw figures of the gateway benchmark.
     *
     * @param loadAverageAtStart the machine's load average before the first request
     * @param examples distinct example payloads sent
     * @param meanBodyBytes mean webhook body size
     * @param noopMax closed-loop maximum of the no-op endpoint
     * @param gatewayMax closed-loop maximum of the gateway
     * @param gatewayAtHalf gateway latency at 50 % of its maximum
     * @param gatewayAtNinety gateway latency at 90 % of its maximum
     * @param noopAtHalf no-op latency at the same rate as {@code gatewayAtHalf}
     * @param noopAtNinety no-op latency at the same rate as {@code gatewayAtNinety}
     * @param recordSizes sizes of the records the gateway wrote
     * @param producer the producer ceiling for records of that size
     */
    public record Result(String loadAverageAtStart, long examples, double meanBodyBytes, RateResult noopMax,
                         RateResult gatewayMax, LatencyResult gatewayAtHalf, LatencyResult gatewayAtNinety,
                         LatencyResult noopAtHalf, LatencyResult noopAtNinety, RecordSizes.Sizes recordSizes,
                         ProducerCeiling.Result producer) {
    }

    @Override
    public Result run(final Path workDir) throws Exception {
        final String load = MachineInfo.currentLoadAverage();
        final WebhookSigner signer = WebhookSigner.forSeed(SIGNING_SEED);
        final SignedWebhooks webhooks = SignedWebhooks.fromExamples(settings.examplesDir(), signer, VARIANTS);
        final Path keyFile = workDir.resolve("gateway-bench-key.pem");
        Files.writeString(keyFile, signer.publicKeyPem());
        final int noopPort = FreePorts.next();
        final Process noop = JavaProcess.start(settings.keeperJavaOptions(), NoopEndpoint.class.getName(),
            List.of(String.valueOf(noopPort)), workDir.resolve("noop-endpoint.log"));
        final Path dataDir = TempDirs.create("keeper-bench-gateway");
        try (HttpLoad noopLoad = new HttpLoad(URI.create("http://localhost:" + noopPort + WEBHOOK_PATH),
                 webhooks.variants())) {
            HealthProbe.await(READY_TIMEOUT, noop::isAlive, URI.create("http://localhost:" + noopPort + "/health"));
            final RateResult noopMax = maxRate(noopLoad, "no-op endpoint");
            return measureGateway(workDir, keyFile, dataDir, webhooks, noopLoad, noopMax, load);
        } finally {
            ChildProcesses.stop(noop);
            TempDirs.delete(dataDir);
        }
    }

    private Result measureGateway(final Path workDir, final Path keyFile, final Path dataDir,
                                  final SignedWebhooks webhooks, final HttpLoad noopLoad, final RateResult noopMax,
                                  final String load) throws Exception {
        try (KeeperProcess keeper = KeeperProcess.start(settings.keeperJar(), settings.keeperJavaOptions(),
                 KeeperLaunch.gatewayOnly(keyFile, dataDir), workDir.resolve("keeper-gateway.log"));
             HttpLoad gatewayLoad = new HttpLoad(URI.create(keeper.gatewayUrl() + WEBHOOK_PATH), webhooks.variants())) {
            keeper.awaitReady(READY_TIMEOUT);
            final RateResult gatewayMax = maxRate(gatewayLoad, "gateway");
            final double half = gatewayMax.perSecond() * 0.5;
            final double ninety = gatewayMax.perSecond() * 0.9;
            final LatencyResult gatewayAtHalf = latency(gatewayLoad, half, "gateway");
            final LatencyResult gatewayAtNinety = latency(gatewayLoad, ninety, "gateway");
            final LatencyResult noopAtHalf = latency(noopLoad, half, "no-op endpoint");
            final LatencyResult noopAtNinety = latency(noopLoad, ninety, "no-op endpoint");

            final RecordSizes.Sizes sizes = RecordSizes.sample(keeper.bootstrapServers(),
                Topics.defaults().contactEvents(), SIZE_SAMPLE);
            final ProducerCeiling.Result producer = producerCeiling(keeper.bootstrapServers(), sizes, workDir);
            return new Result(load, webhooks.exampleCount(), webhooks.meanBodyBytes(), noopMax, gatewayMax,
                gatewayAtHalf, gatewayAtNinety, noopAtHalf, noopAtNinety, sizes, producer);
        }
    }

    private RateResult maxRate(final HttpLoad load, final String target) throws InterruptedException {
        LOG.info("Warming up target={} seconds={}", target, settings.warmup().toSeconds());
        load.closedLoop(settings.connections(), settings.warmup());
        final RateResult result = load.closedLoop(settings.connections(), settings.maxRateDuration());
        LOG.info("Maximum rate target={} perSecond={} failed={} connections={}", target,
            Math.round(result.perSecond()), result.failed(), result.connections());
        return result;
    }

    private LatencyResult latency(final HttpLoad load, final double perSecond, final String target)
        throws InterruptedException {
        final LatencyResult result = load.openLoop(perSecond, settings.latencyDuration());
        LOG.info("Latency target={} perSecond={} p50Ms={} p99Ms={} failed={}", target, Math.round(perSecond),
            result.latency().p50Ms(), result.latency().p99Ms(), result.failed());
        return result;
    }

    private ProducerCeiling.Result producerCeiling(final String bootstrapServers, final RecordSizes.Sizes sizes,
                                                   final Path workDir) throws InterruptedException {
        final String topic = "bench.producer-ceiling";
        final int partitions = TopicPartitions.copyPartitionCount(bootstrapServers, Topics.defaults().contactEvents(),
            topic);
        final int recordBytes = (int) Math.max(1, Math.round(sizes.meanValueBytes()));
        LOG.info("Producer ceiling records={} recordBytes={} partitions={}", settings.producerRecords(), recordBytes,
            partitions);
        final ProducerCeiling.Result result = ProducerCeiling.run(bootstrapServers, topic, settings.producerRecords(),
            recordBytes, workDir.resolve("producer-performance.log"));
        LOG.info("Producer ceiling perSecond={} p99Ms={}", Math.round(result.perSecond()), result.p99Ms());
        return result;
    }
}
