package io.keepersync.enrich.topology;

import io.keepersync.enrich.deadletter.DeadLetters;
import io.keepersync.enrich.topology.ContactReads.Fetched;
import io.keepersync.ghl.GhlApi;
import io.keepersync.ghl.GhlApiException;
import io.keepersync.ghl.GhlAuthException;
import io.keepersync.ghl.GhlContractException;
import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.DeadLetter;
import io.keepersync.schemas.EnrichedContact;
import io.keepersync.schemas.PendingRefresh;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 *
 * <p>The reads run on {@link GhlCalls} threads, one refresh per contact at a time; the stream thread only
 * hands them out and merges what comes back. A pending refresh stays in its (changelogged) store until its
 * result is merged, so a crash or a rebalance in between costs a repeated read, never a lost one. A refresh
 * GHL keeps failing is retried with growing waits and, past the policy's bound, sent to the dead-letter topic.
 */
final class ContactEnricher implements Processor<String, ContactEvent, String, Object> {

    private static final Logger log = LoggerFactory.getLogger(ContactEnricher.class);
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);
    private static final Duration MERGE_INTERVAL = Duration.ofMillis(20);

    private final ContactReads reads;
    private final GhlCalls calls;
    private final RefreshPolicy policy;
    private final EnrichMetrics metrics;
    private final Queue<Fetched> finished = new ConcurrentLinkedQueue<>();
    private final Map<String, PendingRefresh> inFlight = new HashMap<>();
    private LocationStates locations;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, EnrichedContact> contacts;
    private PendingRefreshes pending;
    private SeenWebhooks seen;
    private volatile boolean closed;

    ContactEnricher(final GhlApi ghl, final GhlCalls calls, final RefreshPolicy policy, final MeterRegistry registry) {
        this.reads = new ContactReads(ghl);
        this.calls = calls;
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
        context.schedule(policy.tick(), PunctuationType.WALL_CLOCK_TIME, time -> startDue(Instant.ofEpochMilli(time)));
        context.schedule(MERGE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, time -> mergeFinished(Instant.ofEpochMilli(time)));
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
            checkUnconfirmed(event.getLocationId(), event.getOccurredAt(), now);
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

    @Override
    public void close() {
        closed = true;
        finished.clear();
        inFlight.clear();
    }

    /**
     * Hands out the due refreshes, live work first: those that need GHL to the read threads, the others merged
     * at once.
     */
    private void startDue(final Instant now) {
        mergeFinished(now);
        for (final KeyValue<String, PendingRefresh> due : pending.due(now)) {
            if (!inFlight.containsKey(due.key)) {
                start(due.key, due.value, now);
            }
        }
        mergeFinished(now);
    }

    private void start(final String contactId, final PendingRefresh wanted, final Instant now) {
        if (locations.uninstalled(wanted.getLocationId())) {
            pending.done(contactId);
            metrics.refresh(wanted, "uninstalled");
            return;
        }
        final boolean known = contacts.get(contactId) != null;
        if (ContactReads.needsNoCall(wanted, known)) {
            merge(wanted.getDeleted() ? Fetched.gone(contactId, wanted, 0) : Fetched.nothingToRead(contactId, wanted), now);
            return;
        }
        inFlight.put(contactId, wanted);
        calls.submit(wanted.getLocationId(), wanted.getBackfill(), () -> read(contactId, wanted, known));
    }

    /** On a read thread: a closed task's reads are skipped, its refreshes are still pending in the store. */
    private void read(final String contactId, final PendingRefresh wanted, final boolean known) {
        if (!closed) {
            finished.add(reads.read(contactId, wanted, known));
        }
    }

    private void mergeFinished(final Instant now) {
        for (Fetched done = finished.poll(); done != null; done = finished.poll()) {
            inFlight.remove(done.contactId());
            merge(done, now);
        }
    }

    private void merge(final Fetched fetched, final Instant now) {
        final String contactId = fetched.contactId();
        final PendingRefresh wanted = fetched.wanted();
        metrics.recordCalls(fetched.calls());
        if (fetched.failure() != null) {
            failed(fetched, now);
            return;
        }
        if (fetched.gone()) {
            remove(contactId, wanted, now);
        } else {
            final Optional<EnrichedContact> next = ContactRefresher.merge(fetched, contacts.get(contactId), now);
            if (next.isEmpty()) {
                pending.needContact(contactId, current(contactId, wanted));
                return;
            }
            contacts.put(contactId, next.get());
            context.forward(new Record<>(contactId, next.get(), now.toEpochMilli()), EnrichTopology.OUTPUT);
        }
        finishedWith(contactId, wanted);
        metrics.refresh(wanted, fetched.gone() ? "gone" : "done");
    }

    /** Events that came while GHL was being read leave the refresh pending for another round. */
    private void finishedWith(final String contactId, final PendingRefresh wanted) {
        final PendingRefresh now = pending.get(contactId);
        if (wanted.equals(now)) {
            pending.done(contactId);
        }
    }

    private PendingRefresh current(final String contactId, final PendingRefresh wanted) {
        final PendingRefresh stored = pending.get(contactId);
        return stored == null ? wanted : stored;
    }

    /**
     * After a full sweep: every contact GHL still has was confirmed since the sweep started (or has the
     * sweep's result pending), so a stored contact of the location that was not may be gone (its
     * ContactDelete webhook lost). GHL decides.
     */
    private void checkUnconfirmed(final String locationId, final Instant sweepStarted, final Instant now) {
        final List<String> unconfirmed = new ArrayList<>();
        try (KeyValueIterator<String, EnrichedContact> all = contacts.all()) {
            all.forEachRemaining(entry -> {
                if (locationId.equals(entry.value.getLocationId()) && entry.value.getSyncedAt().isBefore(sweepStarted)) {
                    unconfirmed.add(entry.key);
                }
            });
        }
        unconfirmed.forEach(contactId -> pending.checkExists(contactId, locationId, now));
        log.info("Full sweep ended locationId={} unconfirmedContactsChecked={}", locationId, unconfirmed.size());
    }

    private void remove(final String contactId, final PendingRefresh wanted, final Instant now) {
        log.info("Contact gone from GHL; removing it locationId={} contactId={}", wanted.getLocationId(), contactId);
        contacts.delete(contactId);
        context.forward(new Record<>(contactId, null, now.toEpochMilli()), EnrichTopology.OUTPUT);
    }

    private void failed(final Fetched fetched, final Instant now) {
        final String contactId = fetched.contactId();
        final GhlApiException error = fetched.failure();
        final PendingRefresh before = current(contactId, fetched.wanted());
        final Instant firstFailedAt = before.getFirstFailedAt() == null ? now : before.getFirstFailedAt();
        final PendingRefresh failed = PendingRefresh.newBuilder(before)
            .setAttempts(before.getAttempts() + 1)
            .setFirstFailedAt(firstFailedAt)
            .setLastFailure(error.getClass().getSimpleName() + ": " + error.getMessage())
            .setLastStatus(error.status())
            .build();
        if (error instanceof GhlContractException) {
            log.error("GHL says our request breaks its contract; this is a Keeper Sync bug. Dead-lettered "
                + "locationId={} contactId={} status={} reason={}", failed.getLocationId(), contactId, error.status(),
                error.getMessage());
            deadLetter(contactId, failed, now);
        } else if (!now.isBefore(firstFailedAt.plus(policy.deadLetterAfter()))) {
            log.warn("GHL kept failing; refresh dead-lettered locationId={} contactId={} status={} attempts={}",
                failed.getLocationId(), contactId, error.status(), failed.getAttempts());
            deadLetter(contactId, failed, now);
        } else {
            final boolean refused = !error.retriable() || error instanceof GhlAuthException;
            final Duration wait = policy.retryDelay(failed.getAttempts(), refused);
            if (refused) {
                log.error("GHL refused a refresh; check the location's credentials and installation. Retried later "
                    + "locationId={} contactId={} status={} attempts={} retryInMs={} reason={}", failed.getLocationId(),
                    contactId, error.status(), failed.getAttempts(), wait.toMillis(), error.getMessage());
            } else {
                log.warn("GHL failed; refresh retried later locationId={} contactId={} status={} attempts={} "
                    + "retryInMs={} reason={}", failed.getLocationId(), contactId, error.status(), failed.getAttempts(),
                    wait.toMillis(), error.getMessage());
            }
            pending.retryLater(contactId, failed, now.plus(wait));
            metrics.refresh(failed, refused ? "refused" : "retry");
        }
    }

    private void deadLetter(final String contactId, final PendingRefresh failed, final Instant now) {
        final DeadLetter letter = DeadLetters.of(contactId, failed, now);
        context.forward(new Record<String, Object>(contactId, letter, now.toEpochMilli(), DeadLetters.headers(letter)),
            EnrichTopology.DEAD_LETTERS);
        pending.done(contactId);
        metrics.refresh(failed, "dead-lettered");
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
