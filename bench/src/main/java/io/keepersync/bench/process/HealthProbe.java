package io.keepersync.bench.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for {@code GET /health} of local servers to answer 200. */
public final class HealthProbe {

    private static final Duration POLL = Duration.ofMillis(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(1)).build();

    private HealthProbe() {
    }

    /** Whether {@code url} answers 200 now. */
    public static boolean up(final URI url) {
        try {
            final HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Blocks the caller, polling every 10 ms, until every URL answered 200 once.
     *
     * @param alive checked between polls; false ends the wait with an exception (the server died)
     * @throws IllegalStateException when {@code timeout} passes first or {@code alive} turns false
     */
    public static void await(final Duration timeout, final BooleanSupplier alive, final URI... urls) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        int next = 0;
        while (next < urls.length) {
            if (up(urls[next])) {
                next++;
                continue;
            }
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException("the server behind " + urls[next] + " exited before it was ready");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(urls[next] + " did not answer 200 within " + timeout);
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }
}
