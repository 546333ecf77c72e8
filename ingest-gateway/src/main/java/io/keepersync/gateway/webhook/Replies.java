package io.keepersync.gateway.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the gateway's JSON answers. Thread-safe. */
public final class Replies {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String JSON = "application/json";

    private final int retryAfterSeconds;

    /** Answers whose 429s carry this {@code Retry-After}. */
    public Replies(final int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 200 once Kafka holds the event. */
    void accepted(final Context ctx, final String webhookId) {
        write(ctx, 200, ordered("status", "accepted", "webhookId", webhookId));
    }

    /** 202 once Kafka holds the quarantined body; GHL must not retry it. */
    void quarantined(final Context ctx, final String reason) {
        write(ctx, 202, ordered("status", "quarantined", "reason", reason));
    }

    /** 429 with {@code Retry-After}: the only status GHL redelivers on (PITFALLS 1). */
    public void retryLater(final Context ctx, final String code, final String message) {
        ctx.header("Retry-After", Integer.toString(retryAfterSeconds));
        error(ctx, 429, code, message);
    }

    /** An error answer {@code {"error":code,"message":message}}. */
    public void error(final Context ctx, final int status, final String code, final String message) {
        write(ctx, status, ordered("error", code, "message", message));
    }

    /** Any flat JSON object answer, fields in the given order. */
    public void json(final Context ctx, final int status, final Map<String, String> fields) {
        write(ctx, status, fields);
    }

    /** The JSON text of an error answer, for writers outside Javalin (Jetty's own error pages). */
    public static String errorJson(final String code, final String message) {
        return json(ordered("error", code, "message", message));
    }

    private static Map<String, String> ordered(final String k1, final String v1, final String k2, final String v2) {
        final Map<String, String> fields = new LinkedHashMap<>();
        fields.put(k1, v1);
        fields.put(k2, v2);
        return fields;
    }

    private static void write(final Context ctx, final int status, final Map<String, String> fields) {
        ctx.status(status).contentType(JSON).result(json(fields));
    }

    private static String json(final Map<String, String> fields) {
        try {
            return MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
