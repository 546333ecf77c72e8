package io.keepersync.enrich.topology;

import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.PendingRefresh;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Enrichment's meters: events by type and outcome, refreshes by outcome, and the GHL calls each refresh
 * cost, so that calls per event can be read off ({@code enrich.ghl.calls} over {@code enrich.events}).
 */
final class EnrichMetrics {

    private final MeterRegistry registry;
    private final DistributionSummary callsPerRefresh;

    EnrichMetrics(final MeterRegistry registry) {
        this.registry = registry;
        this.callsPerRefresh = DistributionSummary.builder("enrich.ghl.calls")
            .description("GHL requests made by one contact refresh").register(registry);
    }

    void event(final ContactEvent event, final String outcome) {
        registry.counter("enrich.events", "eventType", event.getEventType(), "outcome", outcome).increment();
    }

    void refresh(final PendingRefresh refresh, final String outcome) {
        registry.counter("enrich.refreshes", "outcome", outcome).increment();
        registry.counter("enrich.refreshed.events", "outcome", outcome).increment(refresh.getEvents());
    }

    void recordCalls(final long calls) {
        callsPerRefresh.record(calls);
    }
}
