package io.keepersync.launcher.run;

import io.keepersync.enrich.EnrichmentApp;
import io.keepersync.ghl.HttpGhlApi;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits each location's GHL budget among the enrichment instances of one deployment: every instance takes
 * 1/N of the burst, N being the instances in the enrichment's group now, checked periodically. Contacts are
 * spread over partitions, so each instance has about 1/N of every location's work. GHL's own remaining count
 * still caps what all of them spend together.
 */
final class BudgetShare implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BudgetShare.class);

    private final ScheduledExecutorService timer;
    private int instances = 1;

    private BudgetShare(final ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Starts checking the group's size every {@code every}. */
    static BudgetShare start(final EnrichmentApp app, final HttpGhlApi ghl, final Duration every) {
        final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(work -> {
            final Thread thread = new Thread(work, "ghl-budget-share");
            thread.setDaemon(true);
            return thread;
        });
        final BudgetShare share = new BudgetShare(timer);
        timer.scheduleWithFixedDelay(() -> share.update(app, ghl), every.toMillis(), every.toMillis(),
            TimeUnit.MILLISECONDS);
        return share;
    }

    private void update(final EnrichmentApp app, final HttpGhlApi ghl) {
        try {
            final int now = app.instances();
            if (now != instances) {
                ghl.share(1.0 / now);
                log.info("GHL budget split among enrichment instances instances={} sharePercent={}", now, 100 / now);
                instances = now;
            }
        } catch (RuntimeException e) {
            log.warn("Could not count enrichment instances; the GHL budget share stays as it was", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
