package io.keepersync.gateway.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Real HTTP calls against a running gateway. */
public final class GatewayHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
    private final String base;

    public GatewayHttp(final int port) {
        this.base = "http://localhost:" + port;
    }

    /** POSTs the bytes to the webhook path with a Content-Length and the given header name/value pairs. */
    public HttpResponse<String> postWebhook(final byte[] body, final String... headers) {
        return send(request("/webhooks/ghl", headers).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** POSTs the bytes chunked, without a Content-Length. */
    public HttpResponse<String> postWebhookStreamed(final byte[] body, final String... headers) {
        return send(request("/webhooks/ghl", headers)
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    public HttpResponse<String> get(final String path) {
        return send(request(path).GET());
    }

    private HttpRequest.Builder request(final String path, final String... headers) {
        final HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
        builder.header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private HttpResponse<String> send(final HttpRequest.Builder builder) {
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
