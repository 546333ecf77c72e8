package io.keepersync.enrich.topology;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.ghl.GhlApi;
import io.keepersync.ghl.GhlApiException;
import io.keepersync.ghl.ratelimit.Priority;
import io.keepersync.schemas.PendingRefresh;
import java.util.List;
import java.util.Optional;

/**
 * The GHL half of a contact refresh: reads what a pending refresh asks for and nothing else. Runs on a
 * {@link GhlCalls} thread, never on a stream thread, and touches no state store; the stream thread merges
 * what it read ({@link ContactRefresher}).
 */
final class ContactReads {

    private final GhlApi live;
    private final GhlApi backfill;

    ContactReads(final GhlApi ghl) {
        this.live = ghl.withPriority(Priority.LIVE);
        this.backfill = ghl.withPriority(Priority.BACKFILL);
    }

    /** Whether {@code wanted} can be applied without asking GHL anything. */
    static boolean needsNoCall(final PendingRefresh wanted, final boolean known) {
        return wanted.getDeleted()
            || !readsContact(wanted, known) && !wanted.getTasks() && !wanted.getNotes() && !wanted.getAppointments();
    }

    /** A contact is read when asked for, or when not stored yet, unless a search result stands in for it. */
    private static boolean readsContact(final PendingRefresh wanted, final boolean known) {
        return (wanted.getContact() || !known) && wanted.getSnapshot() == null;
    }

    /** What GHL has now for {@code contactId}; never throws, a failure is part of the answer. */
    Fetched read(final String contactId, final PendingRefresh wanted, final boolean known) {
        if (wanted.getDeleted()) {
            return Fetched.gone(contactId, wanted, 0);
        }
        final GhlApi ghl = wanted.getBackfill() ? backfill : live;
        final String locationId = wanted.getLocationId();
        int calls = 0;
        try {
            Optional<ObjectNode> contact = null;
            if (readsContact(wanted, known)) {
                calls++;
                contact = ghl.contact(locationId, contactId);
                if (contact.isEmpty()) {
                    return Fetched.gone(contactId, wanted, calls);
                }
            }
            List<ObjectNode> tasks = null;
            List<ObjectNode> notes = null;
            List<ObjectNode> appointments = null;
            if (wanted.getTasks()) {
                calls++;
                tasks = ghl.tasks(locationId, contactId);
            }
            if (wanted.getNotes()) {
                calls++;
                notes = ghl.notes(locationId, contactId);
            }
            if (wanted.getAppointments()) {
                calls++;
                appointments = ghl.appointments(locationId, contactId);
            }
            return new Fetched(contactId, wanted, contact, tasks, notes, appointments, false, null, calls);
        } catch (GhlApiException e) {
            if (e.status() == 404) {
                // The contact's lists answer 404 once the contact itself is gone: a business outcome.
                return Fetched.gone(contactId, wanted, calls);
            }
            return new Fetched(contactId, wanted, null, null, null, null, false, e, calls);
        }
    }

    /**
     * One refresh's reads. A null field was not read; {@code contact} is null also when a reconciliation
     * snapshot stands in for it.
     *
     * @param wanted the pending refresh as it was when the reads started
     * @param gone GHL no longer has the contact (or it was deleted)
     * @param failure why the reads failed, null when they did not
     * @param calls GHL reads made, client retries not counted
     */
    record Fetched(String contactId, PendingRefresh wanted, Optional<ObjectNode> contact, List<ObjectNode> tasks,
                   List<ObjectNode> notes, List<ObjectNode> appointments, boolean gone, GhlApiException failure,
                   int calls) {

        static Fetched gone(final String contactId, final PendingRefresh wanted, final int calls) {
            return new Fetched(contactId, wanted, null, null, null, null, true, null, calls);
        }

        static Fetched nothingToRead(final String contactId, final PendingRefresh wanted) {
            return new Fetched(contactId, wanted, null, null, null, null, false, null, 0);
        }
    }
}
