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

    private static final String DEFAULT_CLIENT_ID = "keeper-ingest-gateway";

    private ProducerSettings() {
    }

    /**
     * The properties the gateway's producer runs with.
     *
     * @param user properties from {@link io.keepersync.gateway.GatewayConfig#kafkaProperties()}
     * @param sendTimeout bound for {@code max.block.ms} and {@code delivery.timeout.ms}
     * @throws IllegalArgumentException if the user's {@code linger.ms} leaves no time for the request
     */
    public static Map<String, Object> forGateway(final Map<String, Object> user, final Duration sendTimeout) {
        final Map<String, Object> settings = new HashMap<>(user);
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, DEFAULT_CLIENT_ID);
        settings.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, DEFAULT_LINGER_MS);
        settings.putAll(guarantees());
        settings.putAll(timeouts(sendTimeout, lingerMs(settings)));
        return settings;
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

    private static long lingerMs(final Map<String, Object> settings) {
        final Object value = settings.get(ProducerConfig.LINGER_MS_CONFIG);
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("linger.ms must be a whole number of milliseconds, got " + value, e);
        }
    }
}
