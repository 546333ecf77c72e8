package io.keepersync.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.keepersync.simulator.data.ContactSnapshot;
import io.keepersync.simulator.data.World;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code POST /contacts/search}: page-number paging over the live contacts of a location, with the
 * filter and sort subset described in the module README. Unsupported filters are refused with 422
 * rather than ignored, so a client never mistakes a partial answer for a filtered one. The HTTP route
 * and the in-process reads of {@link io.keepersync.simulator.GhlSimulator} share this code. Thread-safe.
 */
public final class ContactSearch {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int DEFAULT_PAGE_LIMIT = 20;
    private static final int MAX_PAGE_LIMIT = 500;
    private static final Comparator<ContactSnapshot> DEFAULT_ORDER =
            Comparator.comparingLong(ContactSnapshot::addedMillis).reversed().thenComparing(ContactSnapshot::id);

    private final World world;

    public ContactSearch(final World world) {
        this.world = world;
    }

    void search(final Context ctx) {
        Replies.json(ctx, 200, answer(Replies.bodyObject(ctx)));
    }

    /**
     * The answer to a search {@code body}: {@code {contacts, total}}, the contacts as copies.
     *
     * @throws ApiError with the status and body the endpoint would answer (403 unknown location, 422)
     */
    public ObjectNode answer(final ObjectNode body) {
        final String locationId = requireLocation(body.path("locationId").textValue());
        final int page = intField(body, "page", 1, 1, Integer.MAX_VALUE);
        final int pageLimit = intField(body, "pageLimit", DEFAULT_PAGE_LIMIT, 1, MAX_PAGE_LIMIT);

        final List<ContactSnapshot> matches = matches(locationId, body);
        final long from = (long) (page - 1) * pageLimit;
        final ArrayNode contacts = JSON.arrayNode();
        matches.stream().skip(from).limit(pageLimit).forEach(row -> contacts.add(row.contact().deepCopy()));

        final ObjectNode answer = Replies.wrap("contacts", contacts);
        answer.put("total", matches.size());
        return answer;
    }

    /**
     * Every live contact of {@code locationId} with {@code dateUpdated >= since} (millisecond precision),
     * oldest update first, as copies: what a search with filter {@code dateUpdated gte since} and sort
     * {@code dateUpdated asc} returns over all its pages.
     *
     * @throws ApiError 403 when the location is unknown
     */
    public List<ObjectNode> updatedSince(final String locationId, final Instant since) {
        final ObjectNode body = JSON.objectNode().put("locationId", locationId);
        body.putArray("filters").addObject().put("field", "dateUpdated").put("operator", "gte")
                .put("value", since.toEpochMilli());
        body.putArray("sort").addObject().put("field", "dateUpdated").put("direction", "asc");

        return matches(requireLocation(locationId), body).stream().map(row -> row.contact().deepCopy()).toList();
    }

    /** The location a search body names, for charging the rate limit; empty when unreadable. */
    static Optional<String> locationOf(final Context ctx) {
        try {
            return Optional.ofNullable(Replies.bodyObject(ctx).path("locationId").textValue());
        } catch (ApiError e) {
            return Optional.empty();
        }
    }

    /** All matches of the body's query, filters and sort in {@code locationId}, unpaged. */
    private List<ContactSnapshot> matches(final String locationId, final ObjectNode body) {
        final Predicate<ContactSnapshot> filter = SearchFilters.parse(body.path("filters"));
        final String text = body.path("query").textValue();
        return world.contactsIn(locationId).stream()
                .filter(c -> matchesText(c.contact(), text)).filter(filter).sorted(order(body.path("sort"))).toList();
    }

    /** Case-insensitive match of free text against name, e-mail, phone and company; null matches all. */
    static boolean matchesText(final ObjectNode contact, final String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        final String needle = query.toLowerCase(Locale.ROOT).trim();
        return List.of("fullNameLowerCase", "emailLowerCase", "phone", "companyName").stream()
                .map(field -> contact.path(field).asText("").toLowerCase(Locale.ROOT))
                .anyMatch(value -> value.contains(needle));
    }

    private String requireLocation(final String locationId) {
        if (locationId == null || locationId.isBlank()) {
            throw ApiError.unprocessable(List.of("locationId should not be empty"));
        }
        return world.location(locationId).map(l -> locationId).orElseThrow(ApiError::forbiddenLocation);
    }

    private static int intField(final ObjectNode body, final String name, final int fallback, final int min,
                                final int max) {
        final JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw ApiError.unprocessable(List.of(name + " must be a number between " + min + " and " + max));
        }
        return value.asInt();
    }

    /** {@code sort: [{field: dateAdded|dateUpdated, direction: asc|desc}]}; default newest added first. */
    private static Comparator<ContactSnapshot> order(final JsonNode sort) {
        if (!sort.isArray() || sort.isEmpty()) {
            return DEFAULT_ORDER;
        }
        Comparator<ContactSnapshot> order = null;
        for (final JsonNode key : sort) {
            final Comparator<ContactSnapshot> next = sortKey(key);
            order = order == null ? next : order.thenComparing(next);
        }
        return order.thenComparing(ContactSnapshot::id);
    }

    private static Comparator<ContactSnapshot> sortKey(final JsonNode key) {
        final String field = key.path("field").asText();
        final Comparator<ContactSnapshot> ascending = switch (field) {
            case "dateAdded" -> Comparator.comparingLong(ContactSnapshot::addedMillis);
            case "dateUpdated" -> Comparator.comparingLong(ContactSnapshot::updatedMillis);
            case "id" -> Comparator.comparing(ContactSnapshot::id);
            default -> throw ApiError.unprocessable(List.of("sort field is not supported: " + field));
        };
        return "desc".equalsIgnoreCase(key.path("direction").asText("asc")) ? ascending.reversed() : ascending;
    }
}
