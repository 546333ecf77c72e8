package io.keepersync.enrich.topology;

import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.PendingRefresh;
import java.time.Instant;
import java.util.ArrayList;
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
            : PendingRefresh.newBuilder(existing);
        touch(next, kind, event, known);
        store.put(contactId, next.setLastEventAt(now).setEvents(next.getEvents() + 1).build());
    }

    /** The contacts whose refresh is due: quiet long enough, or waiting too long already. */
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
        return due;
    }

    /** Every pending refresh, due or not. */
    List<KeyValue<String, PendingRefresh>> all() {
        final List<KeyValue<String, PendingRefresh>> entries = new ArrayList<>();
        try (KeyValueIterator<String, PendingRefresh> all = store.all()) {
            all.forEachRemaining(entries::add);
        }
        return entries;
    }

    /** A refresh that only re-reads the contact itself. */
    static PendingRefresh contactOnly(final String locationId, final Instant now) {
        return PendingRefresh.newBuilder().setLocationId(locationId).setContact(true)
            .setFirstEventAt(now).setLastEventAt(now).build();
    }

    /** The refresh is done. */
    void done(final String contactId) {
        store.delete(contactId);
    }

    /** The refresh failed; try again once {@code retryAt} has passed. */
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
            case RECONCILE_FULL -> useSnapshot(next, event).setTasks(true).setNotes(true).setAppointments(true);
            default -> throw new IllegalArgumentException("no refresh for event kind " + kind);
        }
        if (!known && kind == EventKind.CONTACT_CREATE) {
            next.setBrandNew(true);
        } else if (!known && !next.getBrandNew()) {
            // A contact first seen through another event may have anything attached: one full read.
            next.setContact(true).setTasks(true).setNotes(true).setAppointments(true);
        }
    }

    private static void readContact(final PendingRefresh.Builder next) {
        next.setContact(true).setSnapshot(null);
    }

    private static PendingRefresh.Builder useSnapshot(final PendingRefresh.Builder next, final ContactEvent event) {
        if (!next.getContact() || next.getSnapshot() != null) {
            next.setContact(true).setSnapshot(event.getBody());
        }
        return next;
    }
}
