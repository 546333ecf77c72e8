package io.keepersync.bench.backfill;

import io.keepersync.backfill.BackfillConfig;
import io.keepersync.backfill.BackfillListener;
import io.keepersync.backfill.BackfillRequest;
import io.keepersync.backfill.LocationBackfill;
import io.keepersync.bench.process.TempDirs;
import io.keepersync.enrich.EnrichConfig;
import io.keepersync.enrich.EnrichmentApp;
import io.keepersync.enrich.topology.RefreshPolicy;
import io.keepersync.ghl.GhlClientConfig;
import io.keepersync.ghl.HttpGhlApi;
import io.keepersync.ghl.TokenProvider;
import io.keepersync.kafka.EmbeddedKafkaBroker;
import io.keepersync.kafka.TopicSetup;
import io.keepersync.schemas.BackfillProgress;
import io.keepersync.schemas.Topics;
import io.keepersync.simulator.GhlSimulator;
import io.keepersync.simulator.SimulatorConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the backfill benchmark: an embedded broker, the GHL simulator with GHL's limits and seeded
 * locations, enrichment with the default GHL budget, and one {@link LocationBackfill} per location on threads of
 * its own, with its own GHL client as a separate {@code keeper backfill} process would have. GHL requests are
 * sampled per location every 100 ms until every backfill is done.
 */
final class BackfillRig {

    private static final Logger LOG = LoggerFactory.getLogger(BackfillRig.class);
    private static final int PARTITIONS = 6;
    private static final double WINDOW_SECONDS = 10;
    private static final double ALLOWED_PER_WINDOW = 100;
    private static final long SAMPLE_MILLIS = 100;
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private BackfillRig() {
    }

    static BackfillRun run(final int locationCount, final int contactsPerLocation) throws Exception {
        final Path dataDir = TempDirs.create("keeper-bench-backfill");
        final List<String> locations = IntStream.range(0, locationCount)
            .mapToObj(i -> String.format("BackfillLocation%04d", i)).toList();
        final Topics topics = Topics.defaults();
        final SimulatorConfig simulator = SimulatorConfig.defaults().withLocationIds(locations);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), 0);
             GhlSimulator ghl = GhlSimulator.start(simulator)) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()))) {
                TopicSetup.ensure(admin, topics, PARTITIONS);
            }
            locations.forEach(location -> ghl.seedContacts(location, contactsPerLocation));
            final EnrichConfig enrich = new EnrichConfig(EnrichConfig.DEFAULT_APPLICATION_ID, broker.bootstrapServers(),
                topics, dataDir.resolve("enrich"), 2, RefreshPolicy.defaults(), Map.of());
            try (EnrichmentApp enrichment = EnrichmentApp.start(enrich, client(ghl, simulator),
                new SimpleMeterRegistry())) {
                final BackfillConfig config = BackfillConfig.defaults(broker.bootstrapServers(), topics, "",
                    EnrichConfig.DEFAULT_APPLICATION_ID);
                return measure(ghl, simulator, config, locations, contactsPerLocation);
            }
        } finally {
            TempDirs.delete(dataDir);
        }
    }

    private static BackfillRun measure(final GhlSimulator ghl, final SimulatorConfig simulator,
                                       final BackfillConfig config, final List<String> locations,
                                       final int contactsPerLocation) throws Exception {
        LOG.info("Backfill run starting locations={} contactsPerLocation={}", locations.size(), contactsPerLocation);
        final long throttledBefore = ghl.throttledCount();
        final ExecutorService threads = Executors.newFixedThreadPool(locations.size());
        try {
            final List<CallSamples> samples = new ArrayList<>();
            final List<Future<BackfillProgress>> backfills = new ArrayList<>();
            final List<Long> started = new ArrayList<>();
            for (final String location : locations) {
                final CallSamples calls = new CallSamples(() -> ghl.requestCount(location));
                calls.sample();
                samples.add(calls);
                started.add(System.nanoTime());
                backfills.add(threads.submit(() -> new LocationBackfill(config, client(ghl, simulator),
                    BackfillRequest.of(location), BackfillListener.NONE, Clock.systemUTC()).run()));
            }
            final List<BackfillRun.LocationRun> runs = awaitAll(backfills, samples, started);
            final double aggregate = runs.stream().mapToDouble(BackfillRun.LocationRun::contactsPerMinute).sum();
            final BackfillRun run = new BackfillRun(locations.size(), contactsPerLocation, runs,
                ghl.throttledCount() - throttledBefore, aggregate);
            LOG.info("Backfill run measured {}", run);
            return run;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Samples every location's requests until its backfill is done, then turns the samples into figures. */
    private static List<BackfillRun.LocationRun> awaitAll(final List<Future<BackfillProgress>> backfills,
                                                          final List<CallSamples> samples, final List<Long> started)
        throws Exception {
        final long deadline = System.nanoTime() + TIMEOUT.toNanos();
        final BackfillRun.LocationRun[] runs = new BackfillRun.LocationRun[backfills.size()];
        while (Arrays.asList(runs).contains(null)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the backfills did not finish within " + TIMEOUT);
            }
            TimeUnit.MILLISECONDS.sleep(SAMPLE_MILLIS);
            for (int i = 0; i < runs.length; i++) {
                if (runs[i] == null) {
                    samples.get(i).sample();
                    if (backfills.get(i).isDone()) {
                        runs[i] = figures(backfills.get(i).get(), samples.get(i), started.get(i));
                    }
                }
            }
        }
        return List.of(runs);
    }

    private static BackfillRun.LocationRun figures(final BackfillProgress done, final CallSamples calls,
                                                   final long startedNanos) {
        final double seconds = (System.nanoTime() - startedNanos) / 1e9;
        final double per10s = calls.calls() / seconds * WINDOW_SECONDS;
        return new BackfillRun.LocationRun(seconds, calls.calls(), per10s, calls.busiestWindow(WINDOW_SECONDS),
            per10s / ALLOWED_PER_WINDOW, done.getContactsEnriched(), done.getContactsEnriched() / seconds * 60);
    }

    /** A GHL client with the default budget (GHL's 100 per 10 s) and enrichment's retries. */
    private static HttpGhlApi client(final GhlSimulator ghl, final SimulatorConfig simulator) {
        return new HttpGhlApi(GhlClientConfig.defaults().withBaseUrl(ghl.baseUrl()).withMaxAttempts(3)
            .withMaxBackoff(Duration.ofSeconds(10)), TokenProvider.fixed(simulator.accessToken()),
            new SimpleMeterRegistry());
    }
}
