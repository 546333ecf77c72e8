package io.keepersync.backfill.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.KeeperEventTypes;
import java.time.Instant;

/**
 * The {@link KeeperEventTypes#BACKFILL} event of one contact found by a backfill. Its {@code webhookId} names the
 * location, the contact and the contact's {@code dateUpdated} text, so publishing the same version of a contact
 * again is dropped by enrichment as a repeat and costs no GHL call.
 */
public final class BackfillEvents {

    private BackfillEvents() {
    }

    /** The event for {@code contact}, a contact object exactly as GHL's search returned it. */
    public static ContactEvent of(final String locationId, final ObjectNode contact, final Instant now) {
        final String contactId = contact.path("id").asText();
        final String dateUpdated = contact.path("dateUpdated").asText("");
        return ContactEvent.newBuilder()
            .setWebhookId(webhookId(locationId, contactId, dateUpdated))
            .setEventType(KeeperEventTypes.BACKFILL)
            .setLocationId(locationId)
            .setContactId(contactId)
            .setEntityId(contactId)
            .setOccurredAt(GhlInstants.parse(dateUpdated).orElse(now))
            .setReceivedAt(now)
            .setBody(contact.toString())
            .build();
    }

    /** {@code KeeperBackfill:<locationId>:<contactId>:<dateUpdated>}. */
    public static String webhookId(final String locationId, final String contactId, final String dateUpdated) {
        return KeeperEventTypes.BACKFILL + ":" + locationId + ":" + contactId + ":" + dateUpdated;
    }
}
