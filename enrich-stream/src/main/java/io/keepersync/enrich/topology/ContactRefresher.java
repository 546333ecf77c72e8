package io.keepersync.enrich.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.enrich.mapping.ContactMapper;
import io.keepersync.enrich.mapping.GhlTimes;
import io.keepersync.enrich.topology.ContactReads.Fetched;
import io.keepersync.schemas.EnrichedContact;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The stream-thread half of a contact refresh: merges what {@link ContactReads} read from GHL into the
 * contact's last record. A search result (backfill, reconciliation) older than the stored contact is not
 * applied, so a stale backfill page never overwrites a newer live read.
 */
final class ContactRefresher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContactRefresher() {
    }

    /**
     * The contact's new record; empty when GHL no longer has it, or when nothing was read for a contact that
     * is not stored (it cannot be built from lists alone).
     */
    static Optional<EnrichedContact> merge(final Fetched fetched, final EnrichedContact current, final Instant now) {
        if (fetched.gone()) {
            return Optional.empty();
        }
        final EnrichedContact.Builder next = current == null
            ? EnrichedContact.newBuilder()
            : EnrichedContact.newBuilder(current);
        final Optional<ObjectNode> contact = contactOf(fetched, current);
        if (contact.isPresent()) {
            ContactMapper.applyContact(next, contact.get());
        } else if (current == null) {
            return Optional.empty();
        }
        if (fetched.tasks() != null) {
            next.setTasks(ContactMapper.tasks(fetched.tasks()));
        }
        if (fetched.notes() != null) {
            next.setNotes(ContactMapper.notes(fetched.notes()));
        }
        if (fetched.appointments() != null) {
            final ZoneId contactZone = GhlTimes.zoneOrUtc(next.getTimezone());
            next.setAppointments(ContactMapper.appointments(fetched.appointments(), contactZone));
        }
        return Optional.of(next.setSyncedAt(now).build());
    }

    private static Optional<ObjectNode> contactOf(final Fetched fetched, final EnrichedContact current) {
        if (fetched.contact() != null) {
            return fetched.contact();
        }
        final String snapshot = fetched.wanted().getSnapshot();
        if (snapshot == null || !fetched.wanted().getContact()) {
            return Optional.empty();
        }
        final ObjectNode contact = parse(snapshot);
        if (current != null && olderThan(contact, current)) {
            return Optional.empty();
        }
        return Optional.of(contact);
    }

    private static boolean olderThan(final ObjectNode snapshot, final EnrichedContact current) {
        final Optional<Instant> updated = GhlTimes.parse(snapshot.path("dateUpdated").asText(null), ZoneOffset.UTC);
        return current.getDateUpdated() != null && updated.isPresent() && updated.get().isBefore(current.getDateUpdated());
    }

    /** The {@code dateUpdated} of a contact object carried by a reconciliation event. */
    static Optional<Instant> dateUpdatedOf(final String contactJson) {
        return GhlTimes.parse(parse(contactJson).path("dateUpdated").asText(null), ZoneOffset.UTC);
    }

    private static ObjectNode parse(final String json) {
        try {
            final JsonNode node = JSON.readTree(json);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("search result carries no readable contact", e);
        }
        throw new IllegalArgumentException("search result carries no contact object");
    }
}
