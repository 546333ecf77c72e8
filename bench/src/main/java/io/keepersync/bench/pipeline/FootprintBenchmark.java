package io.keepersync.bench.pipeline;

import io.keepersync.bench.BenchSettings;
import io.keepersync.bench.Benchmark;
import io.keepersync.bench.gateway.NoopEndpoint;
import io.keepersync.bench.process.ChildProcesses;
import io.keepersync.bench.process.FreePorts;
import io.keepersync.bench.process.HealthProbe;
import io.keepersync.bench.process.JavaProcess;
import io.keepersync.bench.process.KeeperLaunch;
import io.keepersync.bench.process.KeeperProcess;
import io.keepersync.bench.process.ProcessMemory;
import io.keepersync.bench.process.TempDirs;
import io.keepersync.bench.report.MachineInfo;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Footprint of the one-process deployment: cold starts of {@code keeper run} (embedded broker, every
 * service, the simulator as GHL) timed from process start until the gateway's and the read API's
 * {@code /health} answer; then, on the last start, resident memory after an idle period and while the
 * simulator makes changes at a steady rate (its webhooks pass through {@link WebhookRelay}). The floor is
 * a JVM with the same options serving only the no-op Javalin endpoint: its start-up time and idle memory.
 */
public final class FootprintBenchmark implements Benchmark {

    private static final Logger LOG = LoggerFactory.getLogger(FootprintBenchmark.class);
    private static final int CONTACTS = 200;
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration SAMPLE = Duration.ofSeconds(1);
    private static final Duration DRAIN = Duration.ofSeconds(30);
    private static final int TICKS_PER_SECOND = 10;

    private final BenchSettings settings;

    public FootprintBenchmark(final BenchSettings settings) {
        this.settings = settings;
    }

    /**
     * Raw figures of the footprint benchmark.
     *
     * @param loadAverageAtStart the machine's load average before the first start
     * @param javaOptions JVM options of the keeper process and the floor
     * @param startups one entry per cold start
     * @param idle memory after the idle period
     * @param loaded memory while loaded
     * @param floor the no-op JVM's start-up time and idle memory
     */
    public record Result(String loadAverageAtStart, String javaOptions, List<Startup> startups, Memory idle,
                         Loaded loaded, Floor floor) {
    }

    /**
     * One cold start.
     *
     * @param readyMs process start to both {@code /health} answering
     * @param brokerMs the embedded broker's own start-up, as it logged it (-1 when absent)
     */
    public record Startup(long readyMs, long brokerMs) {
    }

    /**
     * Resident memory samples, one a second.
     *
     * @param seconds sampled time
     * @param lastRssBytes the last sample
     * @param maxRssBytes the largest sample
     * @param peakRssBytes the kernel's high-water mark (VmHWM) at the end
     */
    public record Memory(long seconds, long lastRssBytes, long maxRssBytes, long peakRssBytes) {
    }

    /**
     * The loaded phase.
     *
     * @param changesPerSecond simulator changes a second
     * @param webhooksEmitted webhooks the changes produced
     * @param webhooksAccepted webhooks the gateway accepted
     * @param memory memory while loaded
     */
    public record Loaded(int changesPerSecond, long webhooksEmitted, long webhooksAccepted, Memory memory) {
    }

    /**
     * The floor: a JVM with the keeper's options serving the no-op endpoint.
     *
     * @param readyMs process start to {@code /health} answering
     * @param idleRssBytes resident memory after the idle period
     */
    public record Floor(long readyMs, long idleRssBytes) {
    }

    @Override
    public Result run(final Path workDir) throws Exception {
        final String load = MachineInfo.currentLoadAverage();
        final Floor floor = measureFloor(workDir);
        final List<Startup> startups = new ArrayList<>();
        for (int number = 1; number < settings.footprintStarts(); number++) {
            startups.add(coldStart(workDir, number, false).startup());
        }
        final Observed last = coldStart(workDir, settings.footprintStarts(), true);
        startups.add(last.startup());
        return new Result(load, settings.keeperJavaOptions(), List.copyOf(startups), last.idle(), last.loaded(),
            floor);
    }

    /** One cold start, and for the observed one its memory idle and loaded (null otherwise). */
    private record Observed(Startup startup, Memory idle, Loaded loaded) {
    }

    private Observed coldStart(final Path workDir, final int number, final boolean observe) {
        final Path dataDir = TempDirs.create("keeper-bench-footprint");
        try (WebhookRelay relay = WebhookRelay.start((body, nanos, millis) -> { });
             SimulatedGhl ghl = SimulatedGhl.start(relay.url(), CONTACTS, workDir.resolve("footprint-ghl-key.pem"));
             KeeperProcess keeper = KeeperProcess.start(settings.keeperJar(), settings.keeperJavaOptions(),
                 KeeperLaunch.everything(ghl.simulator().baseUrl(), ghl.token(), ghl.keyFile(), dataDir),
                 workDir.resolve("keeper-footprint-" + number + ".log"))) {
            final Duration ready = keeper.awaitReady(READY_TIMEOUT);
            final Startup startup = new Startup(ready.toMillis(), keeper.brokerStartupMillis().orElse(-1));
            LOG.info("Cold start number={} readyMs={} brokerMs={}", number, startup.readyMs(), startup.brokerMs());
            if (!observe) {
                return new Observed(startup, null, null);
            }
            final Memory idle = sample(keeper, settings.idleDuration(), null);
            relay.forwardTo(keeper.gatewayUrl() + "/webhooks/ghl");
            return new Observed(startup, idle, underLoad(keeper, ghl));
        } finally {
            TempDirs.delete(dataDir);
        }
    }

    private Loaded underLoad(final KeeperProcess keeper, final SimulatedGhl ghl) {
        final int rate = settings.loadRate();
        final long emittedBefore = ghl.simulator().webhooksEmitted();
        final long acceptedBefore = ghl.simulator().webhooksAccepted();
        final Memory memory = sample(keeper, settings.loadDuration(), new ChangeTicker(ghl, rate));
        ghl.simulator().awaitWebhooksDelivered(DRAIN);
        final Loaded loaded = new Loaded(rate, ghl.simulator().webhooksEmitted() - emittedBefore,
            ghl.simulator().webhooksAccepted() - acceptedBefore, memory);
        LOG.info("Memory under load changesPerSecond={} maxRssMiB={} webhooksAccepted={}", rate,
            memory.maxRssBytes() >> 20, loaded.webhooksAccepted());
        return loaded;
    }

    /** Samples memory once a second for {@code duration}, running {@code ticker} ten times a second meanwhile. */
    private static Memory sample(final KeeperProcess keeper, final Duration duration, final ChangeTicker ticker) {
        final long start = System.nanoTime();
        final long tick = TimeUnit.SECONDS.toNanos(1) / TICKS_PER_SECOND;
        long last = 0;
        long max = 0;
        for (long n = 1; n <= duration.toSeconds() * TICKS_PER_SECOND; n++) {
            if (ticker != null) {
                ticker.tick();
            }
            parkUntil(start + n * tick);
            if (n % TICKS_PER_SECOND == 0) {
                last = keeper.rssBytes();
                max = Math.max(max, last);
            }
        }
        LOG.info("Memory sampled seconds={} lastRssMiB={} maxRssMiB={}", duration.toSeconds(), last >> 20, max >> 20);
        return new Memory(duration.toSeconds(), last, max, keeper.peakRssBytes());
    }

    private Floor measureFloor(final Path workDir) {
        final int port = FreePorts.next();
        final long started = System.nanoTime();
        final Process noop = JavaProcess.start(settings.keeperJavaOptions(), NoopEndpoint.class.getName(),
            List.of(String.valueOf(port)), workDir.resolve("footprint-floor.log"));
        try {
            HealthProbe.await(READY_TIMEOUT, noop::isAlive, URI.create("http://localhost:" + port + "/health"));
            final long readyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            LockSupport.parkNanos(settings.idleDuration().toNanos());
            final Floor floor = new Floor(readyMs, ProcessMemory.rssBytes(noop.pid()));
            LOG.info("Floor readyMs={} idleRssMiB={}", floor.readyMs(), floor.idleRssBytes() >> 20);
            return floor;
        } finally {
            ChildProcesses.stop(noop);
        }
    }

    private static void parkUntil(final long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** Makes {@code perSecond} random simulator changes a second, spread over ten ticks. */
    private static final class ChangeTicker {
        private final SimulatedGhl ghl;
        private final int perSecond;
        private long ticks;

        ChangeTicker(final SimulatedGhl ghl, final int perSecond) {
            this.ghl = ghl;
            this.perSecond = perSecond;
        }

        void tick() {
            ticks++;
            final long due = ticks * perSecond / TICKS_PER_SECOND - (ticks - 1) * perSecond / TICKS_PER_SECOND;
            if (due > 0) {
                ghl.simulator().applyRandomChanges((int) due);
            }
        }
    }
}
