package io.keepersync.backfill.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.backfill.BackfillException;
import io.keepersync.ghl.GhlApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pages through the contacts of one location with {@code POST /contacts/search}, one page per call.
 *
 * <p><b>Order and position.</b> Pages are asked for in ascending {@code dateAdded} order (ties broken by id) and
 * by keyset, not by page number: each request filters {@code dateAdded >= } the last published contact's
 * {@code dateAdded} and drops what sorts at or before that contact. {@code dateAdded} never changes, and a
 * filter by value does not shift when other contacts come or go, so contacts deleted meanwhile cannot make the
 * backfill skip any (plain page numbers would: every deletion before the current page moves the rest one place
 * up), contacts created meanwhile come at the end (their webhooks bring them in anyway), and a contact updated
 * meanwhile keeps its place (sorting by {@code dateUpdated} would move it behind the position and read it twice).
 * Only within a run of more than a page of contacts sharing one {@code dateAdded} millisecond does paging fall
 * back to page numbers, where a deletion inside that run can still hide a contact until the next full sweep.
 *
 * <p><b>Guards</b> (PITFALLS 11). A page with fewer contacts than asked for is the last one, whatever
 * {@code total} says; a page with the same contacts as the previous one, or one that does not move the position,
 * stops the backfill with a {@link BackfillException} instead of looping.
 *
 * <p>Blocks the calling thread while GHL answers. Not thread-safe: one pager per backfill.
 */
public final class ContactPager {

    /** Contacts per page: one page's events and checkpoint make one transaction, kept small. */
    public static final int DEFAULT_PAGE_LIMIT = 100;

    private static final Logger log = LoggerFactory.getLogger(ContactPager.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final GhlApi ghl;
    private final String locationId;
    private final Optional<Instant> since;
    private final int pageLimit;
    private List<String> previousIds = List.of();

    /**
     * @param ghl the GHL client, already at the priority the backfill should use
     * @param since only contacts whose {@code dateUpdated} is at or after this instant; empty for all
     */
    public ContactPager(final GhlApi ghl, final String locationId, final Optional<Instant> since, final int pageLimit) {
        if (pageLimit < 1) {
            throw new IllegalArgumentException("pageLimit must be at least 1, was " + pageLimit);
        }
        this.ghl = ghl;
        this.locationId = locationId;
        this.since = since;
        this.pageLimit = pageLimit;
    }

    /**
     * The page that starts at {@code position} (empty: the first page).
     *
     * @throws io.keepersync.ghl.GhlApiException when GHL fails or refuses the search
     * @throws BackfillException when GHL's answers would make the paging loop or skip
     */
    public SearchPage next(final Optional<SearchPosition> position) {
        final JsonNode answer = ghl.searchContacts(locationId, request(position));
        final List<ObjectNode> rows = rows(answer);
        final List<String> ids = rows.stream().map(ContactPager::idOf).toList();
        if (!ids.isEmpty() && ids.equals(previousIds)) {
            throw new BackfillException("GHL's contact search returned the same page twice for location "
                + locationId + " at " + position.map(SearchPosition::toString).orElse("the start")
                + "; stopped rather than loop (PITFALLS 11)");
        }
        previousIds = ids;

        final List<ObjectNode> fresh = unpublished(rows, position);
        final OptionalLong remaining = remaining(answer, position, rows.size());
        if (rows.size() < pageLimit) {
            remaining.ifPresent(more -> {
                if (more > 0) {
                    log.info("Short search page ends the backfill although GHL's total reports more locationId={} "
                        + "pageSize={} reportedRemaining={}", locationId, rows.size(), more);
                }
            });
            return new SearchPage(fresh, Optional.empty(), OptionalLong.of(0));
        }
        return new SearchPage(fresh, Optional.of(nextPosition(rows, position)), remaining);
    }

    private ObjectNode request(final Optional<SearchPosition> position) {
        final ObjectNode body = JSON.objectNode()
            .put("locationId", locationId)
            .put("page", position.map(SearchPosition::page).orElse(1))
            .put("pageLimit", pageLimit);
        final ArrayNode filters = JSON.arrayNode();
        since.ifPresent(instant -> filters.addObject()
            .put("field", "dateUpdated").put("operator", "gte").put("value", instant.toString()));
        position.ifPresent(at -> filters.addObject()
            .put("field", "dateAdded").put("operator", "gte").put("value", at.dateAdded().toString()));
        if (!filters.isEmpty()) {
            body.set("filters", filters);
        }
        final ArrayNode sort = body.putArray("sort");
        sort.addObject().put("field", "dateAdded").put("direction", "asc");
        sort.addObject().put("field", "id").put("direction", "asc");
        return body;
    }

    private List<ObjectNode> rows(final JsonNode answer) {
        final JsonNode contacts = answer.path("contacts");
        if (!contacts.isArray()) {
            throw new BackfillException("GHL's contact search answered without a contacts array for location "
                + locationId);
        }
        final List<ObjectNode> rows = new ArrayList<>(contacts.size());
        for (final JsonNode contact : contacts) {
            if (contact instanceof ObjectNode object && !idOf(object).isBlank()) {
                rows.add(object);
            }
        }
        return rows;
    }

    /** The rows after {@code position}, each contact once. */
    private static List<ObjectNode> unpublished(final List<ObjectNode> rows, final Optional<SearchPosition> position) {
        final Set<String> seen = new LinkedHashSet<>();
        final List<ObjectNode> fresh = new ArrayList<>(rows.size());
        for (final ObjectNode row : rows) {
            final Optional<Instant> added = dateAdded(row);
            final boolean after = position.isEmpty() || added.isEmpty()
                || position.get().isBefore(added.get(), idOf(row));
            if (after && seen.add(idOf(row))) {
                fresh.add(row);
            }
        }
        return fresh;
    }

    /**
     * After a full page: the last row's {@code dateAdded} and id. When the whole page shares one {@code dateAdded},
     * the keyset cannot move, so the next page number of that run is asked for instead.
     */
    private SearchPosition nextPosition(final List<ObjectNode> rows, final Optional<SearchPosition> position) {
        final ObjectNode last = rows.get(rows.size() - 1);
        final Instant lastAdded = dateAdded(last).orElseThrow(() -> new BackfillException("a contact of location "
            + locationId + " has no readable dateAdded (contactId=" + idOf(last) + "); the backfill pages by it"));
        final boolean oneRun = dateAdded(rows.get(0)).map(lastAdded::equals).orElse(false);
        final int page = !oneRun ? 1
            : position.filter(at -> at.dateAdded().equals(lastAdded)).map(SearchPosition::page).orElse(1) + 1;
        final SearchPosition next = new SearchPosition(lastAdded, idOf(last), page);
        if (position.isPresent() && position.get().equals(next)) {
            throw new BackfillException("GHL's contact search did not move past " + next + " for location "
                + locationId + "; stopped rather than loop (PITFALLS 11)");
        }
        return next;
    }

    /** What GHL's {@code total} says is left after this page of the query starting at {@code position}. */
    private OptionalLong remaining(final JsonNode answer, final Optional<SearchPosition> position, final int rows) {
        final JsonNode total = answer.path("total");
        if (!total.canConvertToLong()) {
            return OptionalLong.empty();
        }
        final long before = (long) (position.map(SearchPosition::page).orElse(1) - 1) * pageLimit;
        return OptionalLong.of(Math.max(0, total.asLong() - before - rows));
    }

    private static Optional<Instant> dateAdded(final JsonNode contact) {
        return GhlInstants.parse(contact.path("dateAdded").asText(null));
    }

    private static String idOf(final JsonNode contact) {
        return contact.path("id").asText("");
    }
}
