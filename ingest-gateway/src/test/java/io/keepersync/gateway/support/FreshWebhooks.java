package io.keepersync.gateway.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Marketplace webhook bodies stamped with a chosen time, since the recorded examples are months old. */
public final class FreshWebhooks {

    private static final String LOCATION_ID = "8qN83ajhKeWpYcKzqIp1";

    private FreshWebhooks() {
    }

    /** A ContactCreate body with a new webhookId and this {@code timestamp} (ISO-8601 text). */
    public static byte[] contactCreate(final String webhookId, final Instant timestamp) {
        return json(webhookId, "\"" + timestamp + "\"", "");
    }

    /** A ContactCreate body stamped now. */
    public static byte[] contactCreate(final String webhookId) {
        return contactCreate(webhookId, Instant.now());
    }

    /** A ContactCreate body stamped now, padded with a {@code notes} field to exactly {@code totalBytes}. */
    public static byte[] contactCreateOfSize(final String webhookId, final int totalBytes) {
        final int unpadded = json(webhookId, "\"" + Instant.now() + "\"", "").length + ",\"notes\":\"\"".length();
        final String padding = ",\"notes\":\"" + "x".repeat(totalBytes - unpadded) + "\"";
        return json(webhookId, "\"" + Instant.now() + "\"", padding);
    }

    /** A ContactCreate body without any {@code timestamp} field. */
    public static byte[] contactCreateWithoutTimestamp(final String webhookId) {
        return ("{\"type\":\"ContactCreate\",\"locationId\":\"" + LOCATION_ID + "\",\"id\":\"" + contactId()
            + "\",\"webhookId\":\"" + webhookId + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(final String webhookId, final String timestamp, final String padding) {
        return ("{\"type\":\"ContactCreate\",\"locationId\":\"" + LOCATION_ID + "\",\"id\":\"" + contactId()
            + "\",\"webhookId\":\"" + webhookId + "\",\"timestamp\":" + timestamp + padding + "}")
            .getBytes(StandardCharsets.UTF_8);
    }

    private static String contactId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }
}
