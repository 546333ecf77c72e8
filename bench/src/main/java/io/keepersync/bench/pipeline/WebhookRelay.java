package io.keepersync.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Stands between the simulator's webhook sender and the gateway so the benchmarks learn the moment the
 * gateway accepted each webhook: it forwards each body, answers the simulator with the gateway's status, and
 * reports each 2xx to a listener.
 *
 * <p>Bodies and their {@code X-GHL-Signature} pass through unchanged.
 *
 * <p>Forwarding blocks a Jetty request thread of this server for the gateway's answer.
 */
final class WebhookRelay implements AutoCloseable {

    private static final String SIGNATURE = "X-GHL-Signature";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    private final Listener listener;
    private final Javalin app;
    private volatile URI gateway;

    /** Told about every webhook the gateway accepted, on the relay's request thread. */
    interface Listener {
        void accepted(JsonNode body, long acceptedNanos, long acceptedEpochMillis);
    }

    private WebhookRelay(final Listener listener) {
        this.listener = listener;
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.post("/relay", this::forward);
        });
    }

    /**
     * Starts on a free port; webhooks get 503 until {@link #forwardTo} names the gateway.
     *
     */
    static WebhookRelay start(final Listener listener) {
        final WebhookRelay relay = new WebhookRelay(listener);
        relay.app.start(0);
        return relay;
    }

    /** Where the simulator should send webhooks. */
    String url() {
        return "http://localhost:" + app.port() + "/relay";
    }

    void forwardTo(final String gatewayWebhookUrl) {
        gateway = URI.create(gatewayWebhookUrl);
    }

    private void forward(final Context ctx) throws IOException, InterruptedException {
        final URI target = gateway;
        if (target == null) {
            ctx.status(503);
            return;
        }
        final byte[] bytes = ctx.bodyAsBytes();
        final ObjectNode body = (ObjectNode) JSON.readTree(bytes);
        final HttpRequest request = HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header(SIGNATURE, String.valueOf(ctx.header(SIGNATURE)))
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build();
        final HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 == 2) {
            listener.accepted(body, System.nanoTime(), System.currentTimeMillis());
        }
        ctx.status(response.statusCode()).contentType("application/json").result(response.body());
    }

    @Override
    public void close() {
        app.stop();
    }
}
