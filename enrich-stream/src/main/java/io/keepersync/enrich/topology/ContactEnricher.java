package io.keepersync.enrich.topology;

import io.keepersync.ghl.GhlApi;
import io.keepersync.ghl.GhlApiException;
import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.EnrichedContact;
import io.keepersync.schemas.PendingRefresh;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one contact's events into its enriched record. Events are hints: each one only marks what it
 * touched (a note event marks the notes), repeats of a webhook are dropped, and once the contact has been
 * quiet for a moment one refresh re-reads from GHL everything its events marked. Because the record is
 * always GHL's current state, the order events arrive in does not matter.
 */
final class ContactEnricher implements Processor<String, ContactEvent, String, Object> {

    private static final Logger log = LoggerFactory.getLogger(ContactEnricher.class);
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

    private final GhlApi ghl;
    private final ContactRefresher refresher;
    private final RefreshPolicy policy;
    private final EnrichMetrics metrics;
    private LocationStates locations;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, EnrichedContact> contacts;
    private PendingRefreshes pending;
    private SeenWebhooks seen;

    ContactEnricher(final GhlApi ghl, final RefreshPolicy policy, final MeterRegistry registry) {
        this.ghl = ghl;
        this.refresher = new ContactRefresher(ghl);
        this.policy = policy;
        this.metrics = new EnrichMetrics(registry);
    }

    @Override
    public void init(final ProcessorContext<String, Object> context) {
        this.context = context;
        this.contacts = context.getStateStore(EnrichTopology.CONTACT_STORE);
        this.pending = new PendingRefreshes(context.getStateStore(EnrichTopology.PENDING_STORE), policy);
        this.seen = new SeenWebhooks(context.getStateStore(EnrichTopology.SEEN_STORE), policy);
        this.locations = new LocationStates(context.getStateStore(EnrichTopology.LOCATION_STORE));
        context.schedule(policy.tick(), PunctuationType.WALL_CLOCK_TIME, time -> refreshDue(Instant.ofEpochMilli(time)));
        context.schedule(PURGE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, time -> seen.purge(Instant.ofEpochMilli(time)));
    }

    @Override
    public void process(final Record<String, ContactEvent> record) {
        final ContactEvent event = record.value();
        final String contactId = event.getContactId();
        final EventKind kind = EventKind.of(event.getEventType());
        final Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());

        if (!seen.firstTime(event.getWebhookId(), now)) {
            metrics.event(event, "duplicate");
            return;
        }
        if (kind == EventKind.RECONCILE_END) {
            removeUnconfirmed(event.getLocationId(), event.getOccurredAt(), now);
            return;
        }
        announceLocation(record, event.getLocationId());
        final EnrichedContact current = contacts.get(contactId);
        if (kind == EventKind.RECONCILE && current != null && unchangedSince(current, event)) {
            metrics.event(event, "unchanged");
            return;
        }
        pending.add(contactId, event, kind, current != null, now);
        metrics.event(event, "accepted");
    }

    private void refreshDue(final Instant now) {
        final long deadline = System.nanoTime() + policy.tickBudget().toNanos();
        for (final KeyValue<String, PendingRefresh> due : pending.due(now)) {
            if (System.nanoTime() > deadline) {
                log.info("Refresh round out of time; the rest waits for the next round");
                return;
            }
            refresh(due.key, due.value, now);
        }
    }

    /**
     * After a full sweep: every contact GHL still has was refreshed since the sweep started, so a stored
     * contact of the location that was not may be gone (its ContactDelete webhook lost). GHL decides.
     */
    private void removeUnconfirmed(final String locationId, final Instant sweepStarted, final Instant now) {
        pending.all().forEach(entry -> refresh(entry.key, entry.value, now));
        final List<String> unconfirmed = new ArrayList<>();
        try (KeyValueIterator<String, EnrichedContact> all = contacts.all()) {
            all.forEachRemaining(entry -> {
                if (locationId.equals(entry.value.getLocationId()) && entry.value.getSyncedAt().isBefore(sweepStarted)) {
                    unconfirmed.add(entry.key);
                }
            });
        }
        unconfirmed.forEach(contactId -> refresh(contactId, PendingRefreshes.contactOnly(locationId, now), now));
        log.info("Full sweep ended locationId={} unconfirmedContactsChecked={}", locationId, unconfirmed.size());
    }

    private void refresh(final String contactId, final PendingRefresh wanted, final Instant now) {
        if (locations.uninstalled(wanted.getLocationId())) {
            pending.done(contactId);
            metrics.refresh(wanted, "uninstalled");
            return;
        }
        final long callsBefore = ghl.requestCount();
        try {
            final Optional<EnrichedContact> next = refresher.refresh(contactId, wanted, contacts.get(contactId), now);
            if (next.isPresent()) {
                contacts.put(contactId, next.get());
                context.forward(new Record<>(contactId, next.get(), now.toEpochMilli()), EnrichTopology.OUTPUT);
            } else {
                remove(contactId, wanted, now);
            }
            pending.done(contactId);
            metrics.refresh(wanted, "done");
        } catch (GhlApiException e) {
            handleFailure(contactId, wanted, now, e);
        } finally {
            metrics.recordCalls(ghl.requestCount() - callsBefore);
        }
    }

    private void remove(final String contactId, final PendingRefresh wanted, final Instant now) {
        log.info("Contact gone from GHL; removing it locationId={} contactId={}", wanted.getLocationId(), contactId);
        contacts.delete(contactId);
        context.forward(new Record<>(contactId, null, now.toEpochMilli()), EnrichTopology.OUTPUT);
    }

    private void handleFailure(final String contactId, final PendingRefresh wanted, final Instant now,
                               final GhlApiException e) {
        if (e.retriable()) {
            log.warn("GHL failed; refresh retried later locationId={} contactId={} status={} retryInMs={}",
                wanted.getLocationId(), contactId, e.status(), policy.retryDelay().toMillis());
            pending.retryLater(contactId, wanted, now.plus(policy.retryDelay()));
            metrics.refresh(wanted, "retry");
        } else {
            log.error("GHL refused a refresh; check the token and the location's installation. Retried in {} s "
                    + "locationId={} contactId={} status={} reason={}", policy.refusedRetryDelay().toSeconds(),
                wanted.getLocationId(), contactId, e.status(), e.getMessage());
            pending.retryLater(contactId, wanted, now.plus(policy.refusedRetryDelay()));
            metrics.refresh(wanted, "refused");
        }
    }

    private void announceLocation(final Record<String, ContactEvent> record, final String locationId) {
        if (!locations.known(locationId)) {
            context.forward(record.withKey(locationId).withValue(LocationStates.ACTIVE), EnrichTopology.LOCATIONS_SINK);
        }
    }

    private static boolean unchangedSince(final EnrichedContact current, final ContactEvent event) {
        return current.getDateUpdated() != null
            && ContactRefresher.dateUpdatedOf(event.getBody()).map(current.getDateUpdated()::equals).orElse(false);
    }
}
