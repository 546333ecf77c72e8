package io.keepersync.launcher.simulate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Waits until a gateway answers its health check, so that no simulated webhook goes to nobody. */
final class GatewayWait {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private GatewayWait() {
    }

    /** Blocks until {@code health} answers 200, or gives up after {@code timeout}. */
    static void untilUp(final URI health, final Duration timeout) throws InterruptedException {
        System.out.println("Waiting for the gateway at " + health + " ...");
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (answers(http, health)) {
                System.out.println("Gateway is up; sending webhooks.");
                return;
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        throw new IllegalStateException("the gateway at " + health + " did not answer within " + timeout);
    }

    private static boolean answers(final HttpClient http, final URI health) throws InterruptedException {
        try {
            final HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }
}
