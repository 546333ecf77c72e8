package io.keepersync.simulator.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.keepersync.simulator.GhlSimulator;
import io.keepersync.simulator.SimulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** A small HTTP client for the simulator's API with the contract headers set by default. */
public final class ApiCalls {

    public static final String CONTACTS_VERSION = "2021-07-28";
    public static final String CALENDARS_VERSION = "2021-04-15";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String baseUrl;
    private final String token;

    public ApiCalls(final GhlSimulator simulator) {
        this(simulator.baseUrl(), SimulatorConfig.DEFAULT_ACCESS_TOKEN);
    }

    public ApiCalls(final String baseUrl, final String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** One answer: status, headers and the parsed JSON body (missing when not JSON). */
    public record Reply(int status, HttpHeaders headers, JsonNode body) {

        public String header(final String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Reply get(final String path) {
        return send("GET", path, null, defaults(CONTACTS_VERSION));
    }

    public Reply get(final String path, final Map<String, String> headers) {
        return send("GET", path, null, headers);
    }

    public Reply post(final String path, final String json) {
        return send("POST", path, json, defaults(CONTACTS_VERSION));
    }

    public Reply delete(final String path, final String json) {
        return send("DELETE", path, json, defaults(CONTACTS_VERSION));
    }

    /** A form-encoded POST without {@code Authorization} or {@code Version}, as {@code /oauth/token} takes it. */
    public Reply postForm(final String path, final Map<String, String> fields) {
        final String form = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        final HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return exchange(request);
    }

    public Map<String, String> defaults(final String version) {
        return Map.of("Authorization", "Bearer " + token, "Version", version, "Accept", "application/json");
    }

    private Reply send(final String method, final String path, final String json, final Map<String, String> headers) {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return exchange(request.build());
    }

    private static Reply exchange(final HttpRequest request) {
        try {
            final HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(final String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode parse(final String body) {
        try {
            return body.isBlank() ? MissingNode.getInstance() : MAPPER.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
