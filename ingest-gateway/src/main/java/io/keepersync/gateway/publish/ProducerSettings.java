package io.keepersync.gateway.publish;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Producer properties of the gateway. A webhook is answered 200 only once Kafka holds it, so the
 * delivery guarantees and timeouts are fixed here and win over user-supplied values; everything else
 * (security, client id, compression, ...) is taken from the user's map.
 */
public final class ProducerSettings {

    /** Batching delay used when the user sets none; small, since every request waits for its ack. */
    public static final int DEFAULT_LINGER_MS = 5;
    /** Room above the body limit for the Avro envelope around the body and Kafka's record overhead. */
    public static final int RECORD_HEADROOM_BYTES = 1024 * 1024;

    private static final String DEFAULT_CLIENT_ID = "keeper-ingest-gateway";
    private static final long KAFKA_DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;
    private static final long KAFKA_DEFAULT_BUFFER_MEMORY = 32L * 1024 * 1024;

    private ProducerSettings() {
    }

    /**
     * The properties the gateway's producer runs with.
     *
     * @param user properties from {@link io.keepersync.gateway.GatewayConfig#kafkaProperties()}
     * @param sendTimeout bound for {@code max.block.ms} and {@code delivery.timeout.ms}
     * @param maxBodyBytes the gateway's body limit; {@code max.request.size} (and {@code buffer.memory} if
     *     needed) are raised so that every body the gateway accepts fits into one request
     * @throws IllegalArgumentException if the user's {@code linger.ms} leaves no time for the request
     */
    public static Map<String, Object> forGateway(final Map<String, Object> user, final Duration sendTimeout,
                                                 final long maxBodyBytes) {
        final Map<String, Object> settings = new HashMap<>(user);
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, DEFAULT_CLIENT_ID);
        settings.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, DEFAULT_LINGER_MS);
        settings.putAll(guarantees());
        settings.putAll(timeouts(sendTimeout, number(settings, ProducerConfig.LINGER_MS_CONFIG, 0)));
        settings.putAll(sizes(settings, maxBodyBytes));
        return settings;
    }

    private static Map<String, Object> sizes(final Map<String, Object> settings, final long maxBodyBytes) {
        final long wanted = Math.min(Integer.MAX_VALUE, maxBodyBytes + RECORD_HEADROOM_BYTES);
        final long requestSize = Math.max(wanted,
            number(settings, ProducerConfig.MAX_REQUEST_SIZE_CONFIG, KAFKA_DEFAULT_MAX_REQUEST_SIZE));
        final long bufferMemory = Math.max(requestSize,
            number(settings, ProducerConfig.BUFFER_MEMORY_CONFIG, KAFKA_DEFAULT_BUFFER_MEMORY));
        return Map.of(
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) Math.min(Integer.MAX_VALUE, requestSize),
            ProducerConfig.BUFFER_MEMORY_CONFIG, bufferMemory);
    }

    private static Map<String, Object> guarantees() {
        return Map.of(
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    }

    private static Map<String, Object> timeouts(final Duration sendTimeout, final long lingerMs) {
        final long timeoutMs = sendTimeout.toMillis();
        if (lingerMs >= timeoutMs) {
            throw new IllegalArgumentException("linger.ms (" + lingerMs + ") must be below the send timeout ("
                + timeoutMs + " ms)");
        }
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
        return Map.of(
            ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeoutMs,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (timeoutMs - lingerMs));
    }

    private static long number(final Map<String, Object> settings, final String name, final long absent) {
        final Object value = settings.get(name);
        if (value == null) {
            return absent;
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got " + value, e);
        }
    }
}
