package io.keepersync.enrich.topology;

import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.PendingRefresh;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What each contact's events asked enrichment to re-read, gathered until the contact has been quiet for
 * a moment. Events only set flags, so any order and any number of repeats lead to the same refresh.
 */
final class PendingRefreshes {

    private final KeyValueStore<String, PendingRefresh> store;
    private final RefreshPolicy policy;

    PendingRefreshes(final KeyValueStore<String, PendingRefresh> store, final RefreshPolicy policy) {
        this.store = store;
        this.policy = policy;
    }

    /** Adds what {@code event} touched to the contact's pending refresh. {@code known}: the contact is stored. */
    void add(final String contactId, final ContactEvent event, final EventKind kind, final boolean known,
             final Instant now) {
        final PendingRefresh existing = store.get(contactId);
        final PendingRefresh.Builder next = existing == null
            ? PendingRefresh.newBuilder().setLocationId(event.getLocationId()).setFirstEventAt(now)
                .setBackfill(kind == EventKind.BACKFILL)
            : PendingRefresh.newBuilder(existing);
        touch(next, kind, event, known);
        if (kind != EventKind.BACKFILL) {
            next.setBackfill(false);
        }
        store.put(contactId, next.setLastEventAt(now).setEvents(next.getEvents() + 1).build());
    }

    /** The contact's pending refresh, null when there is none. */
    PendingRefresh get(final String contactId) {
        return store.get(contactId);
    }

    /** The contacts whose refresh is due (quiet long enough, or waiting too long already), live work first. */
    List<KeyValue<String, PendingRefresh>> due(final Instant now) {
        final List<KeyValue<String, PendingRefresh>> due = new ArrayList<>();
        try (KeyValueIterator<String, PendingRefresh> all = store.all()) {
            all.forEachRemaining(entry -> {
                final PendingRefresh pending = entry.value;
                final boolean quiet = !pending.getLastEventAt().plus(policy.quietPeriod()).isAfter(now);
                final boolean overdue = !pending.getFirstEventAt().plus(policy.maxDelay()).isAfter(now);
                if (quiet || overdue) {
                    due.add(entry);
                }
            });
        }
        due.sort(Comparator.comparing(entry -> entry.value.getBackfill()));
        return due;
    }

    /**
     * Makes sure the contact will be read from GHL itself: after a full sweep that did not confirm it, GHL
     * decides whether it still exists. A pending search result from that sweep confirms it already.
     */
    void checkExists(final String contactId, final String locationId, final Instant now) {
        final PendingRefresh existing = store.get(contactId);
        if (existing != null && (existing.getSnapshot() != null || existing.getDeleted())) {
            return;
        }
        final PendingRefresh.Builder next = existing == null
            ? PendingRefresh.newBuilder().setLocationId(locationId).setFirstEventAt(now).setLastEventAt(now)
            : PendingRefresh.newBuilder(existing);
        store.put(contactId, next.setContact(true).setBackfill(false).build());
    }

    /** The contact is not stored and nothing read could build it: read the contact itself next time. */
    void needContact(final String contactId, final PendingRefresh wanted) {
        store.put(contactId, PendingRefresh.newBuilder(wanted).setContact(true).setSnapshot(null).build());
    }

    /** The refresh is done. */
    void done(final String contactId) {
        store.delete(contactId);
    }

    /** The refresh failed ({@code pending} says how often); try again once {@code retryAt} has passed. */
    void retryLater(final String contactId, final PendingRefresh pending, final Instant retryAt) {
        store.put(contactId, PendingRefresh.newBuilder(pending).setFirstEventAt(retryAt).setLastEventAt(retryAt).build());
    }

    private static void touch(final PendingRefresh.Builder next, final EventKind kind, final ContactEvent event,
                              final boolean known) {
        switch (kind) {
            case CONTACT_DELETE -> next.setDeleted(true);
            case CONTACT_CREATE -> readContact(next);
            case CONTACT -> readContact(next);
            case NOTE -> next.setNotes(true);
            case TASK -> next.setTasks(true);
            case APPOINTMENT -> next.setAppointments(true);
            case RECONCILE -> useSnapshot(next, event);
            case RECONCILE_FULL, BACKFILL -> useSnapshot(next, event).setTasks(true).setNotes(true).setAppointments(true);
            case REDRIVE -> readContact(next).setTasks(true).setNotes(true).setAppointments(true);
            default -> throw new IllegalArgumentException("no refresh for event kind " + kind);
        }
        if (!known && kind == EventKind.CONTACT_CREATE) {
            next.setBrandNew(true);
        } else if (!known && !next.getBrandNew()) {
            // A contact first seen through another event may have anything attached: one full read.
            next.setContact(true).setTasks(true).setNotes(true).setAppointments(true);
        }
    }

    private static PendingRefresh.Builder readContact(final PendingRefresh.Builder next) {
        return next.setContact(true).setSnapshot(null);
    }

    private static PendingRefresh.Builder useSnapshot(final PendingRefresh.Builder next, final ContactEvent event) {
        if (!next.getContact() || next.getSnapshot() != null) {
            next.setContact(true).setSnapshot(event.getBody());
        }
        return next;
    }
}
