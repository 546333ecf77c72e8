package io.keepersync.enrich.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.enrich.mapping.GhlTimes;
import io.keepersync.ghl.GhlApi;
import io.keepersync.schemas.ContactEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One pass over a location's contacts through {@code POST /contacts/search}: either those whose
 * {@code dateUpdated} moved since a cursor (cheap, frequent), or all of them (a full sweep, rare, which
 * also catches note, task and appointment changes that GHL sent no webhook for and that do not move
 * {@code dateUpdated}). Each contact found becomes a reconciliation event. Blocks while GHL answers.
 */
public final class ContactSweep {

    static final int PAGE_LIMIT = 100;
    private static final int MAX_PAGES = 10_000;

    private final GhlApi ghl;

    public ContactSweep(final GhlApi ghl) {
        this.ghl = ghl;
    }

    /**
     * Sweeps one location and hands each hint to {@code publish}, in {@code dateUpdated} order.
     *
     * @param since only contacts updated at or after this instant; empty for a full sweep
     * @return the newest {@code dateUpdated} seen, to become the next cursor
     */
    public Optional<Instant> sweep(final String locationId, final Optional<Instant> since, final String sweepId,
                                   final Instant now, final Consumer<ContactEvent> publish) {
        final String type = since.isPresent() ? ReconcileEvents.CHANGED : ReconcileEvents.FULL;
        final Set<String> seen = new HashSet<>();
        Optional<Instant> newest = Optional.empty();
        for (int page = 1; page <= MAX_PAGES; page++) {
            final JsonNode contacts = ghl.searchContacts(locationId, request(locationId, since, page)).path("contacts");
            int fresh = 0;
            for (final JsonNode contact : contacts) {
                final String contactId = contact.path("id").asText("");
                if (contactId.isEmpty() || !seen.add(contactId)) {
                    continue;
                }
                fresh++;
                publish.accept(ReconcileEvents.of(type, sweepId, locationId, contactId, contact.toString(), now));
                newest = later(newest, GhlTimes.parse(contact.path("dateUpdated").asText(null), ZoneOffset.UTC));
            }
            if (contacts.size() < PAGE_LIMIT || fresh == 0) {
                break;
            }
        }
        return newest;
    }

    private static ObjectNode request(final String locationId, final Optional<Instant> since, final int page) {
        final JsonNodeFactory json = JsonNodeFactory.instance;
        final ObjectNode body = json.objectNode()
            .put("locationId", locationId)
            .put("page", page)
            .put("pageLimit", PAGE_LIMIT);
        since.ifPresent(instant -> body.putArray("filters").addObject()
            .put("field", "dateUpdated").put("operator", "gte").put("value", instant.toString()));
        body.putArray("sort").addObject().put("field", "dateUpdated").put("direction", "asc");
        return body;
    }

    private static Optional<Instant> later(final Optional<Instant> current, final Optional<Instant> candidate) {
        if (candidate.isEmpty()) {
            return current;
        }
        return current.isEmpty() || candidate.get().isAfter(current.get()) ? candidate : current;
    }
}
