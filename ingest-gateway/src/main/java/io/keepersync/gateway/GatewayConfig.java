package io.keepersync.gateway;

import io.keepersync.gateway.signature.PublicKeys;
import io.keepersync.schemas.Topics;
import java.security.PublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Settings of the {@link WebhookGateway}. Start from {@link #defaults(String)} and change what differs
 * with the {@code with...} methods; the record is immutable.
 *
 * @param port HTTP port to listen on; 0 picks a free port (read it back with {@link WebhookGateway#port()})
 * @param maxBodyBytes largest accepted request body; larger ones get 413 (default 1 MiB)
 * @param verifySignatures whether webhook signatures are checked (default true); switching it off lets
 *     anyone publish events and is logged at WARN when the gateway starts
 * @param ed25519PublicKey key for {@code X-GHL-Signature} (default: GHL's published key); load PEM text or
 *     files with {@link PublicKeys}
 * @param rsaPublicKey key for the legacy {@code X-WH-Signature} (default: GHL's published key)
 * @param topics Kafka topic names; events go to {@code contactEvents}, unhandled bodies to {@code quarantine}
 * @param kafkaProperties producer properties, at least {@code bootstrap.servers}; delivery guarantees and
 *     timeouts are set by the gateway and override what is given here
 * @param sendTimeout longest wait for Kafka's acknowledgement before answering 429 (default 10 s)
 * @param retryAfterSeconds value of the {@code Retry-After} header on 429 answers (default 30)
 * @param bodyReadTimeout longest time a client may take to send one request body once its headers arrived;
 *     slower requests get 408 and their connection is closed (default 10 s)
 * @param idleTimeout how long a connection may stay silent, between requests or within one, before it is
 *     closed (default 15 s)
 * @param maxWebhookAge oldest {@code timestamp} a webhook may carry; older ones get 400 {@code stale_webhook}
 *     so captured deliveries cannot be replayed later (default 2 h, longer than GHL's retries)
 */
public record GatewayConfig(
    int port,
    long maxBodyBytes,
    boolean verifySignatures,
    PublicKey ed25519PublicKey,
    PublicKey rsaPublicKey,
    Topics topics,
    Map<String, Object> kafkaProperties,
    Duration sendTimeout,
    int retryAfterSeconds,
    Duration bodyReadTimeout,
    Duration idleTimeout,
    Duration maxWebhookAge) {

    /** Default body limit: 1 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** Default wait for Kafka's acknowledgement. */
    public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(10);
    /** Default {@code Retry-After} on 429 answers, in seconds. */
    public static final int DEFAULT_RETRY_AFTER_SECONDS = 30;
    /** Default deadline for receiving one request body. */
    public static final Duration DEFAULT_BODY_READ_TIMEOUT = Duration.ofSeconds(10);
    /** Default connection idle timeout. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(15);
    /** Default oldest accepted webhook {@code timestamp}. */
    public static final Duration DEFAULT_MAX_WEBHOOK_AGE = Duration.ofHours(2);

    private static final Set<String> ED25519_ALGORITHMS = Set.of("Ed25519", "EdDSA");

    /** Checks the settings and copies the property map. */
    public GatewayConfig {
        requireRange(port >= 0 && port <= 65_535, "port must be between 0 and 65535, got " + port);
        requireRange(maxBodyBytes > 0 && maxBodyBytes <= Integer.MAX_VALUE - 8,
            "maxBodyBytes must be positive and below 2 GiB, got " + maxBodyBytes);
        Objects.requireNonNull(ed25519PublicKey, "ed25519PublicKey");
        Objects.requireNonNull(rsaPublicKey, "rsaPublicKey");
        requireRange(ED25519_ALGORITHMS.contains(ed25519PublicKey.getAlgorithm()),
            "ed25519PublicKey must be an Ed25519 key, got " + ed25519PublicKey.getAlgorithm());
        requireRange("RSA".equals(rsaPublicKey.getAlgorithm()),
            "rsaPublicKey must be an RSA key, got " + rsaPublicKey.getAlgorithm());
        Objects.requireNonNull(topics, "topics");
        kafkaProperties = Map.copyOf(Objects.requireNonNull(kafkaProperties, "kafkaProperties"));
        requireRange(kafkaProperties.containsKey(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG),
            "kafkaProperties must contain bootstrap.servers");
        Objects.requireNonNull(sendTimeout, "sendTimeout");
        requireRange(sendTimeout.toMillis() >= 100, "sendTimeout must be at least 100 ms, got " + sendTimeout);
        requireRange(retryAfterSeconds > 0, "retryAfterSeconds must be positive, got " + retryAfterSeconds);
        requireAtLeast(bodyReadTimeout, Duration.ofMillis(100), "bodyReadTimeout");
        requireAtLeast(idleTimeout, Duration.ofMillis(100), "idleTimeout");
        requireAtLeast(maxWebhookAge, Duration.ofMinutes(1), "maxWebhookAge");
    }

    /** Default settings for a gateway publishing to the given Kafka cluster. */
    public static GatewayConfig defaults(final String bootstrapServers) {
        return new GatewayConfig(0, DEFAULT_MAX_BODY_BYTES, true, PublicKeys.ghlEd25519(), PublicKeys.ghlRsa(),
            Topics.defaults(), Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
            DEFAULT_SEND_TIMEOUT, DEFAULT_RETRY_AFTER_SECONDS, DEFAULT_BODY_READ_TIMEOUT, DEFAULT_IDLE_TIMEOUT,
            DEFAULT_MAX_WEBHOOK_AGE);
    }

    /** A copy listening on this port (0 = any free port). */
    public GatewayConfig withPort(final int newPort) {
        return new GatewayConfig(newPort, maxBodyBytes, verifySignatures, ed25519PublicKey, rsaPublicKey,
            topics, kafkaProperties, sendTimeout, retryAfterSeconds, bodyReadTimeout, idleTimeout, maxWebhookAge);
    }

    /** A copy with this body limit. */
    public GatewayConfig withMaxBodyBytes(final long newMaxBodyBytes) {
        return new GatewayConfig(port, newMaxBodyBytes, verifySignatures, ed25519PublicKey, rsaPublicKey,
            topics, kafkaProperties, sendTimeout, retryAfterSeconds, bodyReadTimeout, idleTimeout, maxWebhookAge);
    }

    /** A copy that accepts unsigned webhooks. Only for local tests; logged at WARN on start. */
    public GatewayConfig withSignatureVerificationDisabled() {
        return new GatewayConfig(port, maxBodyBytes, false, ed25519PublicKey, rsaPublicKey,
            topics, kafkaProperties, sendTimeout, retryAfterSeconds, bodyReadTimeout, idleTimeout, maxWebhookAge);
    }

    /** A copy checking {@code X-GHL-Signature} with this Ed25519 key. */
    public GatewayConfig withEd25519PublicKey(final PublicKey key) {
        return new GatewayConfig(port, maxBodyBytes, verifySignatures, key, rsaPublicKey,
            topics, kafkaProperties, sendTimeout, retryAfterSeconds, bodyReadTimeout, idleTimeout, maxWebhookAge);
    }

    /** A copy checking {@code X-WH-Signature} with this RSA key. */
    public GatewayConfig withRsaPublicKey(final PublicKey key) {
        return new GatewayConfig(port, maxBodyBytes, verifySignatures, ed25519PublicKey, key,
            topics, kafkaProperties, sendTimeout, retryAfterSeconds, bodyReadTimeout, idleTimeout, maxWebhookAge);
    }

    /** A copy publishing to these topics. */
    public GatewayConfig withTopics(final Topics newTopics) {
        return new GatewayConfig(port, maxBodyBytes, verifySignatures, ed25519PublicKey, rsaPublicKey,
            newTopics, kafkaProperties, sendTimeout, retryAfterSeconds, bodyReadTimeout, idleTimeout, maxWebhookAge);
    }

    /** A copy with one more (or one replaced) Kafka producer property. */
    public GatewayConfig withKafkaProperty(final String name, final Object value) {
        final Map<String, Object> merged = new HashMap<>(kafkaProperties);
        merged.put(name, value);
        return new GatewayConfig(port, maxBodyBytes, verifySignatures, ed25519PublicKey, rsaPublicKey,
            topics, merged, sendTimeout, retryAfterSeconds, bodyReadTimeout, idleTimeout, maxWebhookAge);
    }

    /** A copy waiting at most this long for Kafka before answering 429. */
    public GatewayConfig withSendTimeout(final Duration newSendTimeout) {
        return new GatewayConfig(port, maxBodyBytes, verifySignatures, ed25519PublicKey, rsaPublicKey,
            topics, kafkaProperties, newSendTimeout, retryAfterSeconds, bodyReadTimeout, idleTimeout, maxWebhookAge);
    }

    /** A copy sending this {@code Retry-After} value with 429 answers. */
    public GatewayConfig withRetryAfterSeconds(final int seconds) {
        return new GatewayConfig(port, maxBodyBytes, verifySignatures, ed25519PublicKey, rsaPublicKey,
            topics, kafkaProperties, sendTimeout, seconds, bodyReadTimeout, idleTimeout, maxWebhookAge);
    }

    /** A copy giving clients this long to send one request body. */
    public GatewayConfig withBodyReadTimeout(final Duration timeout) {
        return new GatewayConfig(port, maxBodyBytes, verifySignatures, ed25519PublicKey, rsaPublicKey,
            topics, kafkaProperties, sendTimeout, retryAfterSeconds, timeout, idleTimeout, maxWebhookAge);
    }

    /** A copy closing connections that stay silent this long. */
    public GatewayConfig withIdleTimeout(final Duration timeout) {
        return new GatewayConfig(port, maxBodyBytes, verifySignatures, ed25519PublicKey, rsaPublicKey,
            topics, kafkaProperties, sendTimeout, retryAfterSeconds, bodyReadTimeout, timeout, maxWebhookAge);
    }

    /** A copy refusing webhooks whose {@code timestamp} is older than this. */
    public GatewayConfig withMaxWebhookAge(final Duration age) {
        return new GatewayConfig(port, maxBodyBytes, verifySignatures, ed25519PublicKey, rsaPublicKey,
            topics, kafkaProperties, sendTimeout, retryAfterSeconds, bodyReadTimeout, idleTimeout, age);
    }

    private static void requireAtLeast(final Duration value, final Duration minimum, final String name) {
        Objects.requireNonNull(value, name);
        requireRange(value.compareTo(minimum) >= 0, name + " must be at least " + minimum + ", got " + value);
    }

    private static void requireRange(final boolean condition, final String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
