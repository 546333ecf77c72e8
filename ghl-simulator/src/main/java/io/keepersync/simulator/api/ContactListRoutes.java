package io.keepersync.simulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.keepersync.simulator.data.ContactSnapshot;
import io.keepersync.simulator.data.RestViews;
import io.keepersync.simulator.data.World;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The deprecated {@code GET /contacts/} list: contacts by {@code dateAdded} then id, cursor paging with
 * {@code startAfter} (epoch ms) and {@code startAfterId}. The cursor only applies when both values are
 * sent, and {@code locationId} is needed on every page (PITFALLS 11).
 */
final class ContactListRoutes {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;
    private static final Comparator<ContactSnapshot> BY_DATE_ADDED =
            Comparator.comparingLong(ContactSnapshot::addedMillis).thenComparing(ContactSnapshot::id);

    /** The query a page was asked with, to build the link to the next one. */
    private record PageRequest(String baseUrl, String locationId, int limit, String query) {

        String nextPageUrl(final ContactSnapshot last) {
            final String url = baseUrl + "/contacts/?locationId=" + locationId + "&limit=" + limit
                    + "&startAfter=" + last.addedMillis() + "&startAfterId=" + last.id();
            return query == null ? url : url + "&query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        }
    }

    private final World world;

    ContactListRoutes(final World world) {
        this.world = world;
    }

    void list(final Context ctx) {
        final String locationId = knownLocation(ctx.queryParam("locationId"));
        final int limit = limit(ctx.queryParam("limit"));
        final String query = ctx.queryParam("query");
        final List<ContactSnapshot> all = world.contactsIn(locationId).stream()
                .filter(c -> ContactSearch.matchesText(c.contact(), query)).sorted(BY_DATE_ADDED).toList();
        final int from = cursorPosition(all, ctx.queryParam("startAfter"), ctx.queryParam("startAfterId"));
        final List<ContactSnapshot> page = all.subList(from, Math.min(all.size(), from + limit));
        final boolean more = from + page.size() < all.size();

        final ArrayNode contacts = JsonNodeFactory.instance.arrayNode();
        page.forEach(row -> contacts.add(RestViews.listItem(row.contact())));
        final ObjectNode body = Replies.wrap("contacts", contacts);
        final String baseUrl = "http://localhost:" + ctx.port();
        body.set("meta", meta(new PageRequest(baseUrl, locationId, limit, query), all.size(), from, page, more));
        Replies.json(ctx, 200, body);
    }

    private String knownLocation(final String locationId) {
        return Optional.ofNullable(locationId).filter(id -> world.location(id).isPresent())
                .orElseThrow(ApiError::forbiddenLocation);
    }

    private static ObjectNode meta(final PageRequest request, final int total, final int from,
                                   final List<ContactSnapshot> page, final boolean more) {
        final ObjectNode meta = JsonNodeFactory.instance.objectNode();
        final ContactSnapshot last = page.isEmpty() ? null : page.get(page.size() - 1);
        final int currentPage = from / request.limit() + 1;
        meta.put("total", total);
        meta.put("nextPageUrl", more ? request.nextPageUrl(last) : null);
        meta.put("startAfterId", last == null ? null : last.id());
        meta.put("startAfter", last == null ? null : last.addedMillis());
        meta.put("currentPage", currentPage);
        meta.put("nextPage", more ? currentPage + 1 : null);
        meta.put("prevPage", currentPage > 1 ? currentPage - 1 : null);
        return meta;
    }


    /** Index of the first contact after the cursor; 0 unless both cursor values are given. */
    private static int cursorPosition(final List<ContactSnapshot> sorted, final String startAfter,
                                      final String startAfterId) {
        if (startAfter == null || startAfterId == null) {
            return 0;
        }
        final long afterMillis = parseLong(startAfter, "startAfter must be a number");
        int position = 0;
        while (position < sorted.size() && isAtOrBefore(sorted.get(position), afterMillis, startAfterId)) {
            position++;
        }
        return position;
    }

    private static boolean isAtOrBefore(final ContactSnapshot row, final long millis, final String id) {
        return row.addedMillis() < millis || row.addedMillis() == millis && row.id().compareTo(id) <= 0;
    }

    private static int limit(final String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        final long limit = parseLong(value, "limit must be a number");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiError.unprocessable(List.of("limit must not be greater than 100 or less than 1"));
        }
        return (int) limit;
    }

    private static long parseLong(final String value, final String message) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiError.unprocessable(List.of(message));
        }
    }
}
