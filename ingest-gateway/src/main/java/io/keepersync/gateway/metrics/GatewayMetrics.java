package io.keepersync.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The gateway's meters. Tag values come from small fixed sets (event types the gateway handles,
 * reason codes), never from ids or body content, so the number of series stays bounded. Thread-safe.
 */
public final class GatewayMetrics {

    /** Webhooks published to the contact-events topic, tagged {@code eventType}. */
    public static final String ACCEPTED = "keeper.gateway.webhooks.accepted";
    /** Webhooks published to the quarantine topic, tagged {@code reason}. */
    public static final String QUARANTINED = "keeper.gateway.webhooks.quarantined";
    /** Requests refused, tagged {@code reason} (the error code of the answer) and {@code status}. */
    public static final String REJECTED = "keeper.gateway.webhooks.rejected";
    /** Requests whose client went away before sending the whole body; nothing was answered. */
    public static final String DISCONNECTED = "keeper.gateway.requests.disconnected";
    /** Time from handing a record to the producer until Kafka acknowledged or refused it; tagged {@code outcome}. */
    public static final String ACK_LATENCY = "keeper.gateway.kafka.ack";

    private final MeterRegistry registry;

    /** Meters registered in the given registry. */
    public GatewayMetrics(final MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts a webhook published to the contact-events topic. */
    public void accepted(final String eventType) {
        Counter.builder(ACCEPTED).tag("eventType", eventType).register(registry).increment();
    }

    /** Counts a webhook published to the quarantine topic. */
    public void quarantined(final String reason) {
        Counter.builder(QUARANTINED).tag("reason", reason).register(registry).increment();
    }

    /** Counts a refused request. */
    public void rejected(final String reason, final int status) {
        Counter.builder(REJECTED).tag("reason", reason).tag("status", Integer.toString(status))
            .register(registry).increment();
    }

    /** Counts a request abandoned by its client mid-body. */
    public void disconnected() {
        Counter.builder(DISCONNECTED).register(registry).increment();
    }

    /** Records how long Kafka took to acknowledge ({@code acked = true}) or refuse a record. */
    public void ackLatency(final Duration latency, final boolean acked) {
        Timer.builder(ACK_LATENCY).tag("outcome", acked ? "acked" : "failed").register(registry).record(latency);
    }
}
