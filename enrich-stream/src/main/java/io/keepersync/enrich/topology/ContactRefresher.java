package io.keepersync.enrich.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.enrich.mapping.ContactMapper;
import io.keepersync.enrich.mapping.GhlTimes;
import io.keepersync.ghl.GhlApi;
import io.keepersync.ghl.GhlApiException;
import io.keepersync.schemas.EnrichedContact;
import io.keepersync.schemas.PendingRefresh;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Re-reads from GHL what a pending refresh asks for and merges it into the contact's last record.
 * Blocks the calling (stream) thread while GHL answers.
 */
final class ContactRefresher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GhlApi ghl;

    ContactRefresher(final GhlApi ghl) {
        this.ghl = ghl;
    }

    /**
     * The contact's new record, or empty when GHL no longer has it.
     *
     * @throws GhlApiException when GHL keeps failing
     */
    Optional<EnrichedContact> refresh(final String contactId, final PendingRefresh pending,
                                      final EnrichedContact current, final Instant now) {
        if (pending.getDeleted()) {
            return Optional.empty();
        }
        final EnrichedContact.Builder next = current == null
            ? EnrichedContact.newBuilder()
            : EnrichedContact.newBuilder(current);
        if (pending.getContact() || current == null) {
            final Optional<ObjectNode> contact = contactJson(pending, contactId);
            if (contact.isEmpty()) {
                return Optional.empty();
            }
            ContactMapper.applyContact(next, contact.get());
        }
        readLists(next, pending, contactId);
        return Optional.of(next.setSyncedAt(now).build());
    }

    private Optional<ObjectNode> contactJson(final PendingRefresh pending, final String contactId) {
        if (pending.getSnapshot() != null) {
            return Optional.of(parse(pending.getSnapshot()));
        }
        return ghl.contact(pending.getLocationId(), contactId);
    }

    private void readLists(final EnrichedContact.Builder next, final PendingRefresh pending, final String contactId) {
        final String locationId = pending.getLocationId();
        if (pending.getTasks()) {
            next.setTasks(ContactMapper.tasks(ghl.tasks(locationId, contactId)));
        }
        if (pending.getNotes()) {
            next.setNotes(ContactMapper.notes(ghl.notes(locationId, contactId)));
        }
        if (pending.getAppointments()) {
            final ZoneId contactZone = GhlTimes.zoneOrUtc(next.getTimezone());
            next.setAppointments(ContactMapper.appointments(ghl.appointments(locationId, contactId), contactZone));
        }
    }

    /** The {@code dateUpdated} of a contact object carried by a reconciliation event. */
    static Optional<Instant> dateUpdatedOf(final String contactJson) {
        return GhlTimes.parse(parse(contactJson).path("dateUpdated").asText(null), java.time.ZoneOffset.UTC);
    }

    private static ObjectNode parse(final String json) {
        try {
            final JsonNode node = JSON.readTree(json);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("reconciliation event carries no readable contact", e);
        }
        throw new IllegalArgumentException("reconciliation event carries no contact object");
    }
}
