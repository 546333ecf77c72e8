package io.keepersync.bench.pipeline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.bench.BenchSettings;
import io.keepersync.bench.Benchmark;
import io.keepersync.bench.load.LatencySummary;
import io.keepersync.bench.process.KeeperLaunch;
import io.keepersync.bench.process.KeeperProcess;
import io.keepersync.bench.process.TempDirs;
import io.keepersync.bench.report.MachineInfo;
import io.keepersync.enrich.topology.RefreshPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * End to end: contact changes made in the GHL simulator (latency on, rate limit off) at a steady rate; each
 * change's signed webhook goes through {@link WebhookRelay} to a {@code keeper run} process running every
 * service, and the time from the gateway's acceptance until {@code GET /contacts/{id}} shows the change is
 * measured. The floor this is read against is enrichment's quiet period, the wait for more events of a
 * contact that the design adds on purpose.
 */
public final class EndToEndBenchmark implements Benchmark {

    private static final Logger LOG = LoggerFactory.getLogger(EndToEndBenchmark.class);
    private static final int CONTACTS = 200;
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration DRAIN = Duration.ofSeconds(30);
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final BenchSettings settings;

    public EndToEndBenchmark(final BenchSettings settings) {
        this.settings = settings;
    }

    /**
     * Raw figures of the end-to-end benchmark.
     *
     * @param loadAverageAtStart the machine's load average before the keeper process started
     * @param perSecond changes (and webhooks) per second
     * @param measuredSeconds length of the measured part
     * @param contacts contacts the changes rotate over
     * @param ghlLatency the simulator's per-request latency
     * @param pollIntervalMs how often the read API was asked
     * @param quietPeriodMs enrichment's quiet period, the designed floor
     * @param scheduled measured changes made
     * @param accepted of those, accepted by the gateway
     * @param visible of those, seen in the read API
     * @param acceptedToVisible the end-to-end latency
     * @param acceptedToEnriched acceptance to the enriched record's {@code syncedAt}
     * @param enrichedToVisible {@code syncedAt} to the read API
     * @param peakRssBytes highest resident memory of the keeper process during the run
     */
    public record Result(String loadAverageAtStart, int perSecond, double measuredSeconds, int contacts,
                         String ghlLatency, long pollIntervalMs, long quietPeriodMs, long scheduled, long accepted,
                         long visible, LatencySummary acceptedToVisible, LatencySummary acceptedToEnriched,
                         LatencySummary enrichedToVisible, long peakRssBytes) {
    }

    @Override
    public Result run(final Path workDir) throws Exception {
        final String load = MachineInfo.currentLoadAverage();
        final Path dataDir = TempDirs.create("keeper-bench-e2e");
        try (VisibilityTracker tracker = new VisibilityTracker(KeeperProcess.API_KEY);
             WebhookRelay relay = WebhookRelay.start(tracker::accepted);
             SimulatedGhl ghl = SimulatedGhl.start(relay.url(), CONTACTS, workDir.resolve("e2e-ghl-key.pem"));
             KeeperProcess keeper = KeeperProcess.start(settings.keeperJar(), settings.keeperJavaOptions(),
                 KeeperLaunch.everything(ghl.simulator().baseUrl(), ghl.token(), ghl.keyFile(), dataDir),
                 workDir.resolve("keeper-e2e.log"))) {
            keeper.awaitReady(READY_TIMEOUT);
            relay.forwardTo(keeper.gatewayUrl() + "/webhooks/ghl");
            LockSupport.parkNanos(SETTLE.toNanos());

            tracker.startPolling(keeper.apiUrl(), settings.pollInterval());
            makeChanges(ghl, tracker);
            tracker.awaitVisible(DRAIN);

            return result(load, ghl, tracker.figures(), keeper.peakRssBytes());
        } finally {
            TempDirs.delete(dataDir);
        }
    }

    private Result result(final String load, final SimulatedGhl ghl, final VisibilityTracker.Figures figures,
                          final long peakRssBytes) {
        LOG.info("End to end scheduled={} accepted={} visible={} p50Ms={} p99Ms={}", figures.scheduled(),
            figures.accepted(), figures.visible(), figures.acceptedToVisible().p50Ms(),
            figures.acceptedToVisible().p99Ms());
        return new Result(load, settings.endToEndRate(), settings.endToEndDuration().toMillis() / 1000.0, CONTACTS,
            ghl.latency(), settings.pollInterval().toMillis(), RefreshPolicy.defaults().quietPeriod().toMillis(),
            figures.scheduled(), figures.accepted(), figures.visible(), figures.acceptedToVisible(),
            figures.acceptedToEnriched(), figures.enrichedToVisible(), peakRssBytes);
    }

    /** Changes on a fixed schedule, round robin over the seeded contacts; the first ones are warm-up. */
    private void makeChanges(final SimulatedGhl ghl, final VisibilityTracker tracker) {
        final int rate = settings.endToEndRate();
        final long warmupCount = rate * settings.endToEndWarmup().toSeconds();
        final long total = warmupCount + rate * settings.endToEndDuration().toSeconds();
        final long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        final List<String> contacts = ghl.contactIds();
        LOG.info("Making changes perSecond={} warmupSeconds={} measuredSeconds={}", rate,
            settings.endToEndWarmup().toSeconds(), settings.endToEndDuration().toSeconds());
        final long start = System.nanoTime();
        for (long sequence = 0; sequence < total; sequence++) {
            final long intended = start + sequence * interval;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            final String contactId = contacts.get((int) (sequence % contacts.size()));
            tracker.expect(sequence, contactId, sequence >= warmupCount);
            final ObjectNode fields = JsonNodeFactory.instance.objectNode()
                .put("companyName", VisibilityTracker.marker(sequence));
            ghl.simulator().updateContact(contactId, fields);
        }
    }
}
