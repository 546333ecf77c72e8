package io.keepersync.simulator.webhook;

import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/** A webhook waiting in the send queue: due now for a first try, later for a retry after 429. */
final class Delivery implements Delayed {

    private final WebhookEvent event;
    private final int retries;
    private final long dueNanos;
    private final long sequence;

    Delivery(final WebhookEvent event, final int retries, final long dueNanos, final long sequence) {
        this.event = event;
        this.retries = retries;
        this.dueNanos = dueNanos;
        this.sequence = sequence;
    }

    WebhookEvent event() {
        return event;
    }

    int retries() {
        return retries;
    }

    @Override
    public long getDelay(final TimeUnit unit) {
        return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(final Delayed other) {
        final Delivery that = (Delivery) other;
        final int byDue = Long.signum(dueNanos - that.dueNanos);
        return byDue != 0 ? byDue : Long.compare(sequence, that.sequence);
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof Delivery that && sequence == that.sequence;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sequence);
    }
}
