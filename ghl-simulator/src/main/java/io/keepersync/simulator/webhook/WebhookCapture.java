package io.keepersync.simulator.webhook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every webhook instead of sending it, for in-process simulators: the bodies are exactly the
 * bytes {@link WebhookSender} would sign and POST, decoded as UTF-8, in emission order. No thread,
 * no network; thread-safe.
 */
public final class WebhookCapture implements WebhookSink {

    private final List<String> bodies = new ArrayList<>();
    private long emitted;

    @Override
    public synchronized boolean enqueue(final WebhookEvent event) {
        bodies.add(new String(event.body(), StandardCharsets.UTF_8));
        emitted++;
        return true;
    }

    /** The bodies captured since the last drain, oldest first; the capture is empty afterwards. */
    public synchronized List<String> drain() {
        final List<String> drained = List.copyOf(bodies);
        bodies.clear();
        return drained;
    }

    /** Events captured since creation, drained ones included. */
    public synchronized long emitted() {
        return emitted;
    }
}
