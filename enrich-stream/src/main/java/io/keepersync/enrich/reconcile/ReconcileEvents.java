package io.keepersync.enrich.reconcile;

import io.keepersync.schemas.ContactEvent;
import java.time.Instant;

/**
 * Contact events made by reconciliation rather than by GHL. They travel the same topic as webhooks, keyed
 * by contact, and carry the contact object GHL's search returned as their body.
 */
public final class ReconcileEvents {

    /** The contact's {@code dateUpdated} moved since the last sweep: apply the search result if it differs. */
    public static final String CHANGED = "KeeperReconcileChanged";
    /** A full sweep: apply the search result and re-read the contact's tasks, notes and appointments. */
    public static final String FULL = "KeeperReconcileFull";

    /**
     * The end of a full sweep, sent to every partition: contacts of the location that the sweep did not
     * confirm since it started are checked with GHL and removed if GHL no longer has them.
     */
    public static final String END = "KeeperReconcileEnd";

    private ReconcileEvents() {
    }

    /** The end-of-sweep marker for one partition; its {@code occurredAt} is when the sweep started. */
    public static ContactEvent end(final String sweepId, final String locationId, final int partition,
                                   final Instant sweepStarted) {
        return ContactEvent.newBuilder()
            .setWebhookId(END + ":" + sweepId + ":" + partition)
            .setEventType(END)
            .setLocationId(locationId)
            .setOccurredAt(sweepStarted)
            .setReceivedAt(sweepStarted)
            .setBody("{}")
            .build();
    }

    /** A hint for one contact found by a sweep; {@code sweepId} makes the id unique per sweep. */
    public static ContactEvent of(final String type, final String sweepId, final String locationId,
                                  final String contactId, final String contactJson, final Instant now) {
        return ContactEvent.newBuilder()
            .setWebhookId(type + ":" + sweepId + ":" + contactId)
            .setEventType(type)
            .setLocationId(locationId)
            .setContactId(contactId)
            .setEntityId(contactId)
            .setOccurredAt(now)
            .setReceivedAt(now)
            .setBody(contactJson)
            .build();
    }
}
