package io.keepersync.enrich.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The webhook ids a contact partition has seen lately. A repeated delivery (GHL retries, or the same
 * webhook through two gateway instances) lands on the same partition, as it carries the same contact.
 */
final class SeenWebhooks {

    private final KeyValueStore<String, Long> store;
    private final RefreshPolicy policy;

    SeenWebhooks(final KeyValueStore<String, Long> store, final RefreshPolicy policy) {
        this.store = store;
        this.policy = policy;
    }

    /** True the first time an id is seen within the retention window; remembers it. */
    boolean firstTime(final String webhookId, final Instant now) {
        if (store.get(webhookId) != null) {
            return false;
        }
        store.put(webhookId, now.toEpochMilli());
        return true;
    }

    /** Forgets ids older than the retention window. */
    void purge(final Instant now) {
        final long oldest = now.minus(policy.dedupeRetention()).toEpochMilli();
        final List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = store.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value < oldest) {
                    expired.add(entry.key);
                }
            });
        }
        expired.forEach(store::delete);
    }
}
