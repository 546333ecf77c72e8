package io.keepersync.enrich.topology;

import io.keepersync.ghl.GhlApi;
import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.EnrichedContact;
import io.keepersync.schemas.Topics;
import io.keepersync.schemas.serde.AvroSerde;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrichment topology: contact events in, one enriched record per contact out.
 *
 * <pre>
 *   contact events ──▶ route ──▶ enrich [contact store] ──▶ enriched contacts (compacted)
 *                        └──▶ contact events, re-keyed by contact
 * </pre>
 */
public final class EnrichTopology {

    static final String CONTACT_STORE = "enriched-contacts";
    static final String ENRICHER = "enrich";
    static final String REROUTE_SINK = "reroute-by-contact";
    private static final String SOURCE = "contact-events";
    private static final String ROUTER = "route-by-contact";
    private static final String OUTPUT = "enriched-contacts-out";

    private EnrichTopology() {
    }

    /** Builds the topology; {@code ghl} is called from stream threads. */
    public static Topology build(final Topics topics, final GhlApi ghl, final Clock clock, final MeterRegistry metrics) {
        final AvroSerde<ContactEvent> events = AvroSerde.of(ContactEvent.class);
        final AvroSerde<EnrichedContact> enriched = AvroSerde.of(EnrichedContact.class);
        final Topology topology = new Topology();

        topology.addSource(SOURCE, Serdes.String().deserializer(), events, topics.contactEvents());
        topology.addProcessor(ROUTER, () -> new ContactRouter(ghl), SOURCE);
        topology.addSink(REROUTE_SINK, topics.contactEvents(), Serdes.String().serializer(), events, ROUTER);
        topology.addProcessor(ENRICHER, () -> new ContactEnricher(ghl, clock, metrics), ROUTER);
        topology.addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(CONTACT_STORE), Serdes.String(), enriched), ENRICHER);
        topology.addSink(OUTPUT, topics.enrichedContacts(), Serdes.String().serializer(), enriched, ENRICHER);
        return topology;
    }
}
