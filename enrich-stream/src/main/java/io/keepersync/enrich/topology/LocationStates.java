package io.keepersync.enrich.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Whether each GHL location is synced: {@value #ACTIVE} once seen or installed, {@value #UNINSTALLED}
 * after an UNINSTALL webhook. Kept in the compacted locations topic and read by every stream task
 * through a global store.
 */
public final class LocationStates {

    public static final String ACTIVE = "active";
    public static final String UNINSTALLED = "uninstalled";

    private final ReadOnlyKeyValueStore<String, String> store;

    LocationStates(final ReadOnlyKeyValueStore<String, String> store) {
        this.store = store;
    }

    boolean known(final String locationId) {
        return store.get(locationId) != null;
    }

    boolean uninstalled(final String locationId) {
        return UNINSTALLED.equals(store.get(locationId));
    }

    /** Copies the locations topic into the global store. */
    static final class Updater implements Processor<String, String, Void, Void> {

        private KeyValueStore<String, String> store;

        @Override
        public void init(final ProcessorContext<Void, Void> context) {
            this.store = context.getStateStore(EnrichTopology.LOCATION_STORE);
        }

        @Override
        public void process(final Record<String, String> record) {
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
        }
    }
}
