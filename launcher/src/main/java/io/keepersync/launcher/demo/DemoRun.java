package io.keepersync.launcher.demo;

import io.keepersync.simulator.GhlSimulator;
import io.keepersync.sink.store.KeeperStore;
import java.io.PrintStream;
import java.time.Duration;

/** One demo run: changes in the simulator, then progress until the Keeper store agrees, then a summary. */
final class DemoRun {

    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);
    private static final int MISMATCHES_SHOWN = 10;

    private final GhlSimulator ghl;
    private final ConvergenceCheck check;
    private final PrintStream out;
    private final long startNanos = System.nanoTime();

    private final DemoScenario scenario;

    DemoRun(final GhlSimulator ghl, final KeeperStore store, final long seed, final PrintStream out) {
        this.ghl = ghl;
        this.scenario = new DemoScenario(ghl, seed);
        this.check = new ConvergenceCheck(ghl, store);
        this.out = out;
    }

    /** Makes the changes, waits for convergence up to {@code timeout}; true when the store matches. */
    boolean createChangeAndAwait(final int contacts, final int changes, final Duration timeout)
        throws InterruptedException {
        makeChanges(contacts, changes);

        final long deadline = System.nanoTime() + timeout.toNanos();
        ConvergenceCheck.Result result;
        boolean delivered;
        do {
            delivered = ghl.awaitWebhooksDelivered(PROGRESS_INTERVAL);
            if (delivered) {
                Thread.sleep(PROGRESS_INTERVAL.toMillis());
            }
            result = check.run();
            printProgress(result);
        } while (!(delivered && result.converged()) && System.nanoTime() < deadline);

        printSummary(result);
        return delivered && result.converged();
    }

    private void makeChanges(final int contacts, final int changes) {
        out.printf("Simulated GHL at %s: %d new contacts over %d locations, then %d bursts of activity.%n",
            ghl.baseUrl(), contacts, ghl.locationIds().size(), changes);
        scenario.newContacts(contacts);
        scenario.activity(changes);
    }

    private void printProgress(final ConvergenceCheck.Result result) {
        out.printf("[%6.1fs] webhooks %d/%d delivered | store %d/%d contacts | GHL calls %d (%d throttled) | mismatches %d%n",
            elapsedSeconds(), ghl.webhooksAccepted() + ghl.webhooksDropped(), ghl.webhooksEmitted(),
            result.stored(), ghl.liveContactIds().size(), ghl.requestCount(), ghl.throttledCount(),
            result.mismatches().size());
    }

    private void printSummary(final ConvergenceCheck.Result result) {
        final long events = ghl.webhooksAccepted();
        out.printf("%nKeeper Sync demo summary%n");
        out.printf("  contacts in GHL:          %d live, %d deleted%n", ghl.liveContactIds().size(),
            ghl.deletedContactIds().size());
        out.printf("  contacts in Keeper store: %d%n", result.stored());
        out.printf("  webhook events:           %d sent, %d accepted, %d dropped%n", ghl.webhooksSent(), events,
            ghl.webhooksDropped());
        out.printf("  GHL API calls:            %d (%.2f per webhook event, %d answered 429)%n", ghl.requestCount(),
            events == 0 ? 0.0 : (double) ghl.requestCount() / events, ghl.throttledCount());
        out.printf("  mismatches:               %d%n", result.mismatches().size());
        out.printf("  elapsed:                  %.1f s%n", elapsedSeconds());
        result.mismatches().stream().limit(MISMATCHES_SHOWN).forEach(line -> out.println("    " + line));
        out.println(result.converged() ? "Converged: the Keeper store matches GHL." : "NOT converged.");
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
