package io.keepersync.ghl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.core.functions.Either;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Duration;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

class RetryDelaysTest {

    private final RetryDelays delays = new RetryDelays(GhlClientConfig.defaults()
            .withInitialBackoff(Duration.ofMillis(100))
            .withMaxBackoff(Duration.ofSeconds(30)));

    @Test
    void shouldWaitRetryAfterSecondsOnRateLimit() {
        final var outcome = answer(429, Map.of("Retry-After", "7", "X-RateLimit-Interval-Milliseconds", "10000"));

        final long wait = delays.apply(1, outcome);

        assertThat(wait).isEqualTo(7_000);
    }

    @Test
    void shouldWaitRateLimitIntervalWhenRetryAfterIsMissingOrNotSeconds() {
        final var noRetryAfter = answer(429, Map.of("X-RateLimit-Interval-Milliseconds", "1500"));
        final var dateRetryAfter = answer(429, Map.of("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT",
                "X-RateLimit-Interval-Milliseconds", "1500"));

        final long first = delays.apply(1, noRetryAfter);
        final long second = delays.apply(1, dateRetryAfter);

        assertThat(first).isEqualTo(1_500);
        assertThat(second).isEqualTo(1_500);
    }

    @Test
    void shouldCapAskedWaitAtMaxBackoff() {
        final var outcome = answer(429, Map.of("Retry-After", "86400000000000000"));

        final long wait = delays.apply(1, outcome);

        assertThat(wait).isEqualTo(30_000);
    }

    @Test
    void shouldBackOffExponentiallyWithinBoundsOtherwise() {
        final var serverError = answer(503, Map.of("Retry-After", "7"));
        final Either<Throwable, HttpResponse<byte[]>> ioError = Either.left(new IOException("reset"));

        final long first = delays.apply(1, serverError);
        final long fifth = delays.apply(5, ioError);
        final long twentieth = delays.apply(20, ioError);

        assertThat(first).isBetween(100L, 150L);
        assertThat(fifth).isBetween(800L, 2_400L);
        assertThat(twentieth).isEqualTo(30_000L);
    }

    private static Either<Throwable, HttpResponse<byte[]>> answer(final int status,
            final Map<String, String> headers) {
        final Map<String, List<String>> multi = new java.util.HashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return Either.right(new Answer(status, HttpHeaders.of(multi, (name, value) -> true)));
    }

    /** A received answer reduced to what the delay looks at. */
    private record Answer(int statusCode, HttpHeaders headers) implements HttpResponse<byte[]> {

        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).build();
        }

        @Override
        public Optional<HttpResponse<byte[]>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public byte[] body() {
            return new byte[0];
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request().uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
