package io.keepersync.simulator.webhook;

/**
 * Where {@link io.keepersync.simulator.change.Mutations} hand the webhooks of their changes, in the
 * order the changes happened: the HTTP {@link WebhookSender} or the in-process {@link WebhookCapture}.
 */
public interface WebhookSink {

    /** Takes one finished event without blocking; false when it was discarded (nothing counts it as emitted). */
    boolean enqueue(WebhookEvent event);
}
