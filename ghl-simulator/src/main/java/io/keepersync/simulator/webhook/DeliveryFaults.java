package io.keepersync.simulator.webhook;

/**
 * Delivery imperfections to exercise receivers, applied on top of GHL's retry rules.
 *
 * @param duplicateRate probability that an accepted webhook is POSTed once more with the same bytes
 * @param shuffleWindow events waiting together are sent in random order within groups of this size (1 = in order)
 * @param dropRate      probability that a webhook is silently never sent (counted as dropped)
 */
public record DeliveryFaults(double duplicateRate, int shuffleWindow, double dropRate) {

    public DeliveryFaults {
        if (duplicateRate < 0 || duplicateRate > 1 || dropRate < 0 || dropRate > 1 || shuffleWindow < 1) {
            throw new IllegalArgumentException("rates must be in [0, 1] and shuffleWindow >= 1");
        }
    }

    /** Perfect delivery: no duplicates, in order, nothing lost. */
    public static DeliveryFaults none() {
        return new DeliveryFaults(0, 1, 0);
    }
}
