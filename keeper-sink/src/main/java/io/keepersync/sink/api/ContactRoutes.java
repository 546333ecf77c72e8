package io.keepersync.sink.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.keepersync.sink.store.ContactPage;
import io.keepersync.sink.store.KeeperStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/** The handlers of the read API. Each validates its input, reads the store once, and answers. */
final class ContactRoutes {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final KeeperStore store;
    private final BooleanSupplier consuming;

    ContactRoutes(final KeeperStore store, final BooleanSupplier consuming) {
        this.store = store;
        this.consuming = consuming;
    }

    void health(final Context ctx) {
        final boolean up = consuming.getAsBoolean();
        ctx.status(up ? 200 : 503).json(NODES.objectNode().put("status", up ? "UP" : "DOWN"));
    }

    void getContact(final Context ctx) {
        final String contactId = ctx.pathParam("contactId");

        final ObjectNode contact = store.get(contactId).map(ContactJson::toJson)
            .orElseThrow(() -> ApiError.notFound("no contact with id " + contactId));

        final ObjectNode body = NODES.objectNode();
        body.set("contact", contact);
        ctx.json(body);
    }

    void listContacts(final Context ctx) {
        final String locationId = blankToNull(ctx.queryParam("locationId"));
        if (locationId == null) {
            throw ApiError.badRequest("the query parameter locationId is required");
        }
        final int limit = limit(ctx.queryParam("limit"));
        final String startAfterId = blankToNull(ctx.queryParam("startAfterId"));

        final ContactPage page = store.page(locationId, startAfterId, limit);

        ctx.json(pageBody(page, nextPageUrl(ctx, page, locationId, limit)));
    }

    private static ObjectNode pageBody(final ContactPage page, final String nextPageUrl) {
        final ObjectNode body = NODES.objectNode();
        final ArrayNode contacts = body.putArray("contacts");
        page.contacts().forEach(contact -> contacts.add(ContactJson.toJson(contact)));
        body.putObject("meta")
            .put("count", page.contacts().size())
            .put("startAfterId", page.lastContactId())
            .put("nextPageUrl", nextPageUrl);
        return body;
    }

    private static String nextPageUrl(final Context ctx, final ContactPage page, final String locationId,
        final int limit) {
        if (!page.hasMore()) {
            return null;
        }
        return ctx.url() + "?locationId=" + encode(locationId) + "&limit=" + limit
            + "&startAfterId=" + encode(page.lastContactId());
    }

    private static int limit(final String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            final int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Answered below with the same message as an out-of-range number.
        }
        throw ApiError.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static String blankToNull(final String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String encode(final String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
