package io.keepersync.sink.consume;

import io.keepersync.sink.store.ContactChange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * The consumer's counters: {@code keeper.sink.records.applied} (tag {@code change}: upsert, delete) and
 * {@code keeper.sink.records.skipped} (tag {@code reason}: undecodable, tombstone-without-key).
 */
final class SinkMetrics {

    private final Counter upserts;
    private final Counter deletes;
    private final Counter undecodable;
    private final Counter tombstonesWithoutKey;

    SinkMetrics(final MeterRegistry registry) {
        this.upserts = counter(registry, "keeper.sink.records.applied", "change", "upsert");
        this.deletes = counter(registry, "keeper.sink.records.applied", "change", "delete");
        this.undecodable = counter(registry, "keeper.sink.records.skipped", "reason", "undecodable");
        this.tombstonesWithoutKey = counter(registry, "keeper.sink.records.skipped", "reason", "tombstone-without-key");
    }

    void applied(final List<ContactChange> changes) {
        final long deleted = changes.stream().filter(ContactChange::isDelete).count();
        deletes.increment(deleted);
        upserts.increment(changes.size() - deleted);
    }

    void skippedUndecodable() {
        undecodable.increment();
    }

    void skippedTombstoneWithoutKey() {
        tombstonesWithoutKey.increment();
    }

    private static Counter counter(final MeterRegistry registry, final String name, final String tag,
        final String value) {
        return Counter.builder(name).tag(tag, value).register(registry);
    }
}
