package io.keepersync.launcher.convergence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.enrich.reconcile.ContactSweep;
import io.keepersync.enrich.reconcile.ReconcileEvents;
import io.keepersync.enrich.topology.EnrichTopology;
import io.keepersync.enrich.topology.GhlCalls;
import io.keepersync.enrich.topology.RefreshPolicy;
import io.keepersync.gateway.webhook.Classification;
import io.keepersync.gateway.webhook.WebhookClassifier;
import io.keepersync.launcher.demo.TruthCheck;
import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.EnrichedContact;
import io.keepersync.schemas.Topics;
import io.keepersync.schemas.serde.AvroSerde;
import io.keepersync.simulator.GhlSimulator;
import io.keepersync.sink.api.ContactJson;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;

/**
 * The gateway's classification and the enrichment topology on a test driver, fed from an in-process GHL
 * simulator; the enriched output is read as the compacted topic would keep it (latest per contact).
 */
final class EnrichmentHarness implements AutoCloseable {

    private static final Instant START = Instant.parse("2026-03-08T06:00:00Z");
    private static final Duration QUIET = Duration.ofMillis(200);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GhlSimulator ghl;
    private final InProcessGhlApi api;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, ContactEvent> events;
    private final TestOutputTopic<String, EnrichedContact> enriched;
    private final Map<String, EnrichedContact> store = new HashMap<>();
    private final WebhookClassifier classifier = new WebhookClassifier();
    private int sweeps;
    private Instant clock = START;

    EnrichmentHarness(final GhlSimulator ghl, final String applicationId) {
        this.ghl = ghl;
        this.api = new InProcessGhlApi(ghl);
        final Topics topics = Topics.defaults();
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        final RefreshPolicy policy = RefreshPolicy.defaults().withTimings(QUIET, Duration.ofSeconds(2), Duration.ofSeconds(5));
        this.driver = new TopologyTestDriver(
            EnrichTopology.build(topics, api, GhlCalls.direct(), policy, new SimpleMeterRegistry(),
                Stores::inMemoryKeyValueStore), props, START);
        this.events = driver.createInputTopic(topics.contactEvents(), Serdes.String().serializer(),
            AvroSerde.of(ContactEvent.class));
        this.enriched = driver.createOutputTopic(topics.enrichedContacts(), Serdes.String().deserializer(),
            AvroSerde.of(EnrichedContact.class));
    }

    /** One webhook delivery, as the gateway would publish it. */
    void deliver(final String body) throws Exception {
        final Classification classified = classifier.classify(JSON.readTree(body), body, now());
        if (classified instanceof Classification.Marketplace marketplace) {
            events.pipeInput(marketplace.partitionKey(), marketplace.event());
        }
    }

    /** Lets the quiet period pass, so pending refreshes run. */
    void quiet() {
        final Duration step = QUIET.multipliedBy(3);
        driver.advanceWallClockTime(step);
        clock = clock.plus(step);
    }

    /** A full reconciliation sweep of every location, then its end marker. */
    void fullSweep() {
        final Instant started = now();
        final String sweepId = "sweep-" + (++sweeps);
        for (final String locationId : ghl.locationIds()) {
            new ContactSweep(api).sweep(locationId, Optional.empty(), sweepId, started,
                event -> events.pipeInput(event.getContactId(), event));
            events.pipeInput(locationId, ReconcileEvents.end(sweepId, locationId, 0, started));
        }
    }

    /** Where the Keeper store (the latest record per contact) differs from GHL; empty when equal. */
    List<String> mismatches() {
        enriched.readKeyValuesToList().forEach(record -> store.put(record.key, record.value));
        final List<String> mismatches = new ArrayList<>();
        for (final String contactId : ghl.liveContactIds()) {
            final EnrichedContact kept = store.get(contactId);
            if (kept == null) {
                mismatches.add(contactId + " missing");
                continue;
            }
            final ObjectNode truth = ghl.truthOf(contactId).orElseThrow();
            TruthCheck.differences(ContactJson.toJson(kept), truth).forEach(field -> mismatches.add(contactId + " " + field));
        }
        store.forEach((contactId, kept) -> {
            if (kept != null && !ghl.liveContactIds().contains(contactId)) {
                mismatches.add(contactId + " stored but not in GHL");
            }
        });
        return mismatches;
    }

    long ghlRequests() {
        return api.requestCount();
    }

    private Instant now() {
        return clock;
    }

    @Override
    public void close() {
        driver.close();
    }
}
