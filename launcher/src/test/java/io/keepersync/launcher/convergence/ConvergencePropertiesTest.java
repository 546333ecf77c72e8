package io.keepersync.launcher.convergence;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepersync.simulator.GhlSimulator;
import io.keepersync.simulator.SimulatorConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Whatever GHL's webhooks do (arrive shuffled, repeated, or not at all), once reconciliation has swept,
 * the Keeper store equals GHL. Each case is a random history of contact, tag, DND, task, note and
 * appointment changes in an in-process simulator; failures shrink towards short histories and few faults.
 */
class ConvergencePropertiesTest {

    private static final AtomicInteger CASES = new AtomicInteger();

    @Property(tries = 2000)
    void shouldEqualGhlAfterReconciliationWhateverTheDelivery(
        @ForAll @LongRange(min = 0, max = 1_000_000) final long seed,
        @ForAll @IntRange(min = 0, max = 3) final int existingContacts,
        @ForAll @IntRange(min = 1, max = 25) final int changes,
        @ForAll @IntRange(min = 0, max = 40) final int duplicatePercent,
        @ForAll @IntRange(min = 0, max = 40) final int dropPercent,
        @ForAll @IntRange(min = 0, max = 100) final int shufflePercent,
        @ForAll @IntRange(min = 0, max = 30) final int refreshPercent) throws Exception {
        final GhlSimulator ghl = GhlSimulator.inProcess(SimulatorConfig.defaults().withSeed(seed));
        ghl.seedContacts(ghl.locationIds().get(0), existingContacts);
        ghl.applyRandomChanges(changes);
        final Random faults = new Random(seed);
        final List<String> delivered = deliveries(ghl.drainCapturedWebhooks(), faults, duplicatePercent,
            dropPercent, shufflePercent);

        try (EnrichmentHarness keeper = new EnrichmentHarness(ghl, "convergence-" + CASES.incrementAndGet())) {
            for (final String body : delivered) {
                keeper.deliver(body);
                if (faults.nextInt(100) < refreshPercent) {
                    keeper.quiet();
                }
            }
            keeper.quiet();
            keeper.fullSweep();
            keeper.quiet();

            assertThat(keeper.mismatches()).isEmpty();
        }
    }

    /** Webhooks as a flaky network would deliver them: some lost, some repeated, some out of order. */
    private static List<String> deliveries(final List<String> sent, final Random random, final int duplicatePercent,
                                           final int dropPercent, final int shufflePercent) {
        final List<String> delivered = new ArrayList<>();
        for (final String body : sent) {
            if (random.nextInt(100) < dropPercent) {
                continue;
            }
            delivered.add(body);
            if (random.nextInt(100) < duplicatePercent) {
                delivered.add(body);
            }
        }
        for (int i = 0; i < delivered.size(); i++) {
            if (random.nextInt(100) < shufflePercent) {
                Collections.swap(delivered, i, random.nextInt(delivered.size()));
            }
        }
        return delivered;
    }
}
