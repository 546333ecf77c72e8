package io.keepersync.bench.backfill;

import io.keepersync.bench.BenchSettings;
import io.keepersync.bench.Benchmark;
import io.keepersync.bench.report.MachineInfo;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backfill's use of GHL's budget: simulated locations of a few hundred contacts that existed before any
 * webhook, with GHL's own limit (100 requests per 10 s per location, enforced by the simulator, 5 to 25 ms a
 * request) and the client's default budget, backfilled while enrichment reads each contact's tasks, notes and
 * appointments at backfill priority. Reports the calls per 10 s as a share of the 100 allowed and the contacts
 * enriched per minute, for one location and for three at once (each location has its own budget, so the
 * aggregate should scale). Backfill leaves a fifth of each window to live work, so about 80 % is the ceiling.
 * Runs in the bench JVM: at 10 calls per second and location the machine is not the limit.
 */
public final class BackfillBenchmark implements Benchmark {

    private static final Logger LOG = LoggerFactory.getLogger(BackfillBenchmark.class);

    private final BenchSettings settings;

    public BackfillBenchmark(final BenchSettings settings) {
        this.settings = settings;
    }

    /**
     * Raw figures of the backfill benchmark.
     *
     * @param loadAverageAtStart the machine's load average before the first run
     * @param oneLocation one location backfilled
     * @param threeLocations three locations backfilled at once
     * @param scaling aggregate contacts per minute of three locations over that of one
     */
    public record Result(String loadAverageAtStart, BackfillRun oneLocation, BackfillRun threeLocations,
                         double scaling) {
    }

    @Override
    public Result run(final Path workDir) throws Exception {
        final String load = MachineInfo.currentLoadAverage();
        final int contacts = settings.quick() ? 150 : 300;
        final BackfillRun one = BackfillRig.run(1, contacts);
        final BackfillRun three = BackfillRig.run(3, contacts);
        final double scaling = three.aggregateContactsPerMinute() / one.aggregateContactsPerMinute();
        LOG.info("Backfill benchmark done oneLocation={} threeLocations={} scaling={}", one, three, scaling);
        return new Result(load, one, three, scaling);
    }
}
