package io.keepersync.simulator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

/** Writes JSON answers and reads JSON request bodies. */
final class Replies {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Replies() {
    }

    static void json(final Context ctx, final int status, final JsonNode body) {
        try {
            ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize an answer", e);
        }
    }

    /** {@code {key: value}}, the envelope of most GHL answers. */
    static ObjectNode wrap(final String key, final JsonNode value) {
        final ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set(key, value);
        return body;
    }

    /** The request body as a JSON object; an empty body counts as {@code {}}. */
    static ObjectNode bodyObject(final Context ctx) {
        final String text = ctx.body();
        if (text.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            final JsonNode node = MAPPER.readTree(text);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("Request body is not valid JSON");
        }
        throw ApiError.badRequest("Request body must be a JSON object");
    }
}
