package io.keepersync.enrich.topology;

import io.keepersync.ghl.GhlApi;
import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.DeadLetter;
import io.keepersync.schemas.EnrichedContact;
import io.keepersync.schemas.PendingRefresh;
import io.keepersync.schemas.Topics;
import io.keepersync.schemas.serde.AvroSerde;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrichment topology: contact events in, one enriched record per contact out.
 *
 * <pre>
 *   contact events ──▶ route ──▶ enrich [contacts, pending refreshes, seen webhooks] ──▶ enriched contacts
 *                        │  │              ├──▶ locations (every location seen: active)
 *                        │  │              └──▶ dead letters (refreshes GHL kept failing)
 *                        │  └──▶ locations (INSTALL: active, UNINSTALL: uninstalled)
 *                        └──▶ contact events, re-keyed by contact
 *   locations ──▶ global store [location states], read by route and enrich
 * </pre>
 */
public final class EnrichTopology {

    static final String CONTACT_STORE = "enriched-contacts";
    static final String PENDING_STORE = "pending-refreshes";
    static final String SEEN_STORE = "seen-webhooks";
    static final String LOCATION_STORE = "location-states";
    static final String ENRICHER = "enrich";
    static final String REROUTE_SINK = "reroute-by-contact";
    static final String OUTPUT = "enriched-contacts-out";
    static final String LOCATIONS_SINK = "locations-out";
    static final String DEAD_LETTERS = "dead-letters-out";
    private static final String SOURCE = "contact-events";
    private static final String ROUTER = "route-by-contact";

    private EnrichTopology() {
    }

    /**
     * Builds the topology with RocksDB state stores. Contact refreshes call {@code ghl} on {@code calls}
     * threads; only a task event without its contact (rare) asks GHL on the stream thread.
     */
    public static Topology build(final Topics topics, final GhlApi ghl, final GhlCalls calls, final RefreshPolicy policy,
                                 final MeterRegistry metrics) {
        return build(topics, ghl, calls, policy, metrics, Stores::persistentKeyValueStore);
    }

    /** Builds the topology with state stores from {@code stores} (tests use in-memory ones). */
    public static Topology build(final Topics topics, final GhlApi ghl, final GhlCalls calls, final RefreshPolicy policy,
                                 final MeterRegistry metrics, final Function<String, KeyValueBytesStoreSupplier> stores) {
        final AvroSerde<ContactEvent> events = AvroSerde.of(ContactEvent.class);
        final AvroSerde<EnrichedContact> enriched = AvroSerde.of(EnrichedContact.class);
        final Topology topology = new Topology();

        topology.addSource(SOURCE, Serdes.String().deserializer(), events, topics.contactEvents());
        topology.addProcessor(ROUTER, () -> new ContactRouter(ghl), SOURCE);
        topology.addSink(REROUTE_SINK, topics.contactEvents(), Serdes.String().serializer(), events, ROUTER);
        topology.addProcessor(ENRICHER, () -> new ContactEnricher(ghl, calls, policy, metrics), ROUTER);
        topology.addStateStore(Stores.keyValueStoreBuilder(
            stores.apply(CONTACT_STORE), Serdes.String(), enriched), ENRICHER);
        topology.addStateStore(Stores.keyValueStoreBuilder(
            stores.apply(PENDING_STORE), Serdes.String(), AvroSerde.of(PendingRefresh.class)), ENRICHER);
        topology.addStateStore(Stores.keyValueStoreBuilder(
            stores.apply(SEEN_STORE), Serdes.String(), Serdes.Long()), ENRICHER);
        topology.addSink(OUTPUT, topics.enrichedContacts(), Serdes.String().serializer(), enriched, ENRICHER);
        topology.addSink(DEAD_LETTERS, topics.deadLetters(), Serdes.String().serializer(), AvroSerde.of(DeadLetter.class),
            ENRICHER);
        topology.addSink(LOCATIONS_SINK, topics.locations(), Serdes.String().serializer(), Serdes.String().serializer(),
            ROUTER, ENRICHER);
        topology.addGlobalStore(Stores.keyValueStoreBuilder(stores.apply(LOCATION_STORE), Serdes.String(), Serdes.String())
                .withLoggingDisabled(), "locations-source", Serdes.String().deserializer(), Serdes.String().deserializer(),
            topics.locations(), "locations-updater", LocationStates.Updater::new);
        return topology;
    }
}
