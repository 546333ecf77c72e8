package io.keepersync.ghl;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts HTTP requests sent to GHL: a plain total for {@link GhlApi#requestCount()} and the Micrometer
 * counter {@value #METER} tagged {@code endpoint} (path template) and {@code outcome}
 * ({@code 2xx}, {@code 3xx}, {@code 4xx}, {@code 429}, {@code 5xx}, or {@code io} when no answer came).
 */
final class RequestMetrics {

    static final String METER = "ghl.requests";
    static final String OUTCOME_IO = "io";

    private final MeterRegistry registry;
    private final AtomicLong sent = new AtomicLong();

    RequestMetrics(final MeterRegistry registry) {
        this.registry = registry;
    }

    /** Call right before a request goes out. */
    void sending() {
        sent.incrementAndGet();
    }

    void answered(final Endpoint endpoint, final int status) {
        record(endpoint, outcomeOf(status));
    }

    void unanswered(final Endpoint endpoint) {
        record(endpoint, OUTCOME_IO);
    }

    long sent() {
        return sent.get();
    }

    static String outcomeOf(final int status) {
        return status == 429 ? "429" : (status / 100) + "xx";
    }

    private void record(final Endpoint endpoint, final String outcome) {
        Counter.builder(METER)
                .description("HTTP requests sent to the GHL REST API, retries included")
                .tag("endpoint", endpoint.template())
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
