package io.keepersync.simulator.webhook;

/**
 * One webhook ready to send: the exact body bytes that are signed and POSTed.
 *
 * @param webhookId the body's {@code webhookId}
 * @param type      the body's {@code type}
 * @param locationId the body's {@code locationId}
 * @param body      serialized JSON, sent byte for byte
 */
public record WebhookEvent(String webhookId, String type, String locationId, byte[] body) {
}
