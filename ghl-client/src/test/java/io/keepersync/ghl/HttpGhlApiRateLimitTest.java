package io.keepersync.ghl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.keepersync.ghl.StubGhl.Reply;
import io.keepersync.ghl.ratelimit.Priority;
import io.keepersync.ghl.ratelimit.RateLimitConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The per-location rate budget wired into {@link HttpGhlApi}, against stub GHLs on real ports. */
class HttpGhlApiRateLimitTest {

    private static final String LOCATION = "8qN83ajhKeWpYcKzqIp1";
    private static final String CONTACT = "cV9Xos78cGC2IymrARjg";
    private static final String TOKEN = "pit-9d4e7b21-5a3c-4f08-b6e2-1c7a9f3d5e84";
    private static final String CONTACT_JSON = GhlExamples.read("get-contact.json");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void shouldSendA150CallBurstWithoutA429WhenGhlEnforces100PerWindow() throws Exception {
        final Duration window = Duration.ofMillis(1000);
        try (LimitingGhl ghl = LimitingGhl.start(100, Duration.ofMillis(900), window, CONTACT_JSON)) {
            final HttpGhlApi api = new HttpGhlApi(config(ghl.baseUrl())
                    .withMaxAttempts(1)
                    .withRateLimit(RateLimitConfig.defaults().withWindow(window)),
                    TokenProvider.fixed(TOKEN), registry);
            final ExecutorService threads = Executors.newFixedThreadPool(8);
            final List<Future<?>> calls = new ArrayList<>();

            for (int i = 0; i < 150; i++) {
                calls.add(threads.submit(() -> api.contact(LOCATION, CONTACT).orElseThrow()));
            }
            for (final Future<?> call : calls) {
                call.get(10, TimeUnit.SECONDS);
            }
            threads.shutdown();

            assertThat(ghl.refused()).isZero();
            assertThat(ghl.served()).isEqualTo(150);
            assertThat(registry.get("ghl.ratelimit.wait").tag("locationId", LOCATION).timer().count())
                    .isPositive();
        }
    }

    @Test
    void shouldPauseTheLocationForTheIntervalAfterA429() {
        try (StubGhl stub = StubGhl.start()) {
            stub.script(StubGhl.CONTACT,
                    Reply.status(429, "{\"statusCode\":429,\"message\":\"Too Many Requests\"}")
                            .withHeader("X-RateLimit-Interval-Milliseconds", "300"),
                    Reply.ok(CONTACT_JSON));
            final HttpGhlApi api = new HttpGhlApi(config(stub.baseUrl()), TokenProvider.fixed(TOKEN), registry);

            final long begin = System.nanoTime();
            final var contact = api.contact(LOCATION, CONTACT);

            assertThat(contact).isPresent();
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(api.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void shouldFailRetriablyWithoutSendingWhenTheBudgetHasNoPermitInTime() {
        try (StubGhl stub = StubGhl.start()) {
            stub.script(StubGhl.NOTES, Reply.ok(GhlExamples.read("get-contact-notes.json")));
            final HttpGhlApi live = new HttpGhlApi(config(stub.baseUrl()).withRateLimit(RateLimitConfig.defaults()
                    .withBurst(1).withMaxWait(Duration.ofMillis(20))), TokenProvider.fixed(TOKEN), registry);
            final GhlApi backfill = live.withPriority(Priority.BACKFILL);
            live.notes(LOCATION, CONTACT);

            final GhlApiException refused = catchThrowableOfType(
                    GhlApiException.class, () -> backfill.notes(LOCATION, CONTACT));

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.retriable()).isTrue();
            assertThat(stub.received()).hasSize(1);
            assertThat(backfill.requestCount()).isEqualTo(1);
            assertThat(registry.get("ghl.ratelimit.rejected").tag("locationId", LOCATION).counter().count())
                    .isEqualTo(1.0);
        }
    }

    private static GhlClientConfig config(final String baseUrl) {
        return GhlClientConfig.defaults()
                .withBaseUrl(baseUrl)
                .withRequestTimeout(Duration.ofSeconds(5))
                .withInitialBackoff(Duration.ofMillis(1))
                .withMaxBackoff(Duration.ofMillis(5));
    }
}
