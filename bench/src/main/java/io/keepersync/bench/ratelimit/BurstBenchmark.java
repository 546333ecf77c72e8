package io.keepersync.bench.ratelimit;

import io.keepersync.bench.BenchSettings;
import io.keepersync.bench.Benchmark;
import io.keepersync.bench.process.TempDirs;
import io.keepersync.enrich.EnrichConfig;
import io.keepersync.enrich.EnrichmentApp;
import io.keepersync.enrich.topology.RefreshPolicy;
import io.keepersync.gateway.GatewayConfig;
import io.keepersync.gateway.WebhookGateway;
import io.keepersync.gateway.signature.PublicKeys;
import io.keepersync.ghl.GhlClientConfig;
import io.keepersync.ghl.HttpGhlApi;
import io.keepersync.ghl.TokenProvider;
import io.keepersync.kafka.EmbeddedKafkaBroker;
import io.keepersync.kafka.TopicSetup;
import io.keepersync.schemas.Topics;
import io.keepersync.simulator.GhlSimulator;
import io.keepersync.simulator.SimulatorConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A burst of ContactCreate webhooks against GHL's real budget: the simulator enforces 100 requests per 10 s
 * per location and the client paces itself to the same. Each new contact costs one GHL read, so the quickest
 * possible drain of n contacts is a first window of 100 at once, then 10 per second: (n - 100) / 10 seconds.
 * The figure is that ideal time over the time enrichment took (1.0 = the whole budget used), and how many
 * 429s GHL sent. Run once for one location and once for ten, in the
 * bench JVM (broker, gateway, enrichment and simulator in process: at 10 calls per second the machine is
 * not the limit).
 */
public final class BurstBenchmark implements Benchmark {

    private static final Logger LOG = LoggerFactory.getLogger(BurstBenchmark.class);
    private static final double ALLOWED_PER_SECOND = 10.0;
    private static final int BURST = 100;
    private static final int PARTITIONS = 6;

    private final BenchSettings settings;

    public BurstBenchmark(final BenchSettings settings) {
        this.settings = settings;
    }

    /**
     * Raw figures of the burst benchmark.
     *
     * @param oneLocation a burst in one location
     * @param tenLocations a burst in each of ten locations at once
     * @param scaling aggregate call rate of ten locations over that of one
     */
    public record Result(BurstRun oneLocation, BurstRun tenLocations, double scaling) {
    }

    @Override
    public Result run(final Path workDir) throws Exception {
        final BurstRun one = burst(1, settings.quick() ? 300 : 2_000);
        final BurstRun ten = burst(10, settings.quick() ? 200 : 400);
        final double scaling = ten.callsPerSecond() / one.callsPerSecond();
        LOG.info("Burst done oneLocationFraction={} tenLocationsScaling={}", one.fractionOfBudget(), scaling);
        return new Result(one, ten, scaling);
    }

    private BurstRun burst(final int locationCount, final int createsPerLocation) throws Exception {
        final Path dataDir = TempDirs.create("keeper-bench-burst");
        final List<String> locations = IntStream.range(0, locationCount)
            .mapToObj(i -> String.format("BurstLocation%07d", i)).toList();
        final Topics topics = Topics.defaults();
        final SimulatorConfig simConfig = SimulatorConfig.defaults().withLocationIds(locations);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), 0);
             GhlSimulator ghl = GhlSimulator.start(simConfig)) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                TopicSetup.ensure(admin, topics, PARTITIONS);
            }
            ghl.stampWebhooksWithWallClock();
            final HttpGhlApi client = new HttpGhlApi(GhlClientConfig.defaults().withBaseUrl(ghl.baseUrl())
                .withMaxAttempts(3).withMaxBackoff(Duration.ofSeconds(10)),
                TokenProvider.fixed(simConfig.accessToken()), new SimpleMeterRegistry());
            final EnrichConfig enrichConfig = new EnrichConfig("bench-burst", broker.bootstrapServers(), topics,
                dataDir.resolve("enrich"), 2, RefreshPolicy.defaults(), Map.of());
            try (WebhookGateway gateway = WebhookGateway.start(GatewayConfig.defaults(broker.bootstrapServers())
                    .withPort(0).withTopics(topics).withEd25519PublicKey(PublicKeys.fromPem(ghl.webhookPublicKeyPem())))) {
                ghl.setWebhookUrl("http://localhost:" + gateway.port() + WebhookGateway.WEBHOOK_PATH);
                final double createSeconds = createContacts(ghl, locations, createsPerLocation);
                try (EnrichmentApp enrichment = EnrichmentApp.start(enrichConfig, client, new SimpleMeterRegistry())) {
                    return measure(ghl, locations, createsPerLocation, createSeconds);
                }
            }
        } finally {
            TempDirs.delete(dataDir);
        }
    }

    /**
     * Makes the contacts and waits until every ContactCreate webhook is in Kafka, before enrichment starts: the
     * burst then reaches enrichment at once, whatever the speed of the simulator's webhook sender.
     */
    private static double createContacts(final GhlSimulator ghl, final List<String> locations, final int perLocation) {
        LOG.info("Burst creating locations={} createsPerLocation={}", locations.size(), perLocation);
        final long start = System.nanoTime();
        for (int i = 0; i < perLocation; i++) {
            locations.forEach(ghl::createContact);
        }
        if (!ghl.awaitWebhooksDelivered(Duration.ofMinutes(5))) {
            throw new IllegalStateException("the simulator's webhooks were not all delivered within 5 minutes");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private BurstRun measure(final GhlSimulator ghl, final List<String> locations, final int perLocation,
                             final double createSeconds) {
        final long callsBefore = totalCalls(ghl, locations);
        final long throttledBefore = ghl.throttledCount();
        final long expected = callsBefore + (long) locations.size() * perLocation;
        final CallWatch watch = new CallWatch(() -> totalCalls(ghl, locations), callsBefore);
        watch.awaitAtLeast(expected, Duration.ofSeconds(120 + 2L * perLocation / (long) ALLOWED_PER_SECOND));
        final long calls = watch.last() - callsBefore;
        final double seconds = watch.spanSeconds();
        // GHL allows a full window's burst at once, then 10 per second: the quickest drain of n calls.
        final double idealSeconds = Math.max(0, perLocation - BURST) / ALLOWED_PER_SECOND;
        final BurstRun run = new BurstRun(locations.size(), perLocation, calls, seconds, calls / seconds,
            idealSeconds / seconds, ghl.throttledCount() - throttledBefore, createSeconds,
            perLocationCalls(ghl, locations));
        LOG.info("Burst measured {}", run);
        return run;
    }

    private static long totalCalls(final GhlSimulator ghl, final List<String> locations) {
        return locations.stream().mapToLong(ghl::requestCount).sum();
    }

    private static List<Long> perLocationCalls(final GhlSimulator ghl, final List<String> locations) {
        final List<Long> calls = new ArrayList<>();
        locations.forEach(location -> calls.add(ghl.requestCount(location)));
        return calls;
    }

    /**
     * One burst's figures.
     *
     * @param locations locations with a burst each
     * @param createsPerLocation ContactCreate webhooks per location
     * @param calls GHL requests made for them
     * @param seconds from the first of those requests to the last
     * @param callsPerSecond aggregate request rate
     * @param fractionOfBudget the quickest drain GHL's budget allows over {@code seconds}
     * @param throttled 429s GHL sent
     * @param createSeconds how long the simulator took to make the contacts (their webhooks went out meanwhile)
     * @param callsPerLocation requests per location, in order
     */
    public record BurstRun(int locations, int createsPerLocation, long calls, double seconds, double callsPerSecond,
                           double fractionOfBudget, long throttled, double createSeconds, List<Long> callsPerLocation) {
    }
}
