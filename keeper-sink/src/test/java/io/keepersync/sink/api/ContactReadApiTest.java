package io.keepersync.sink.api;

import static io.keepersync.sink.TestContacts.contact;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keepersync.sink.store.ContactChange;
import io.keepersync.sink.store.KeeperStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactReadApiTest {

    private static final String KEY = "test-key-1";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private final AtomicBoolean consuming = new AtomicBoolean(true);
    private KeeperStore store;
    private ContactReadApi api;

    @BeforeEach
    void start() {
        store = KeeperStore.open(dir);
        api = ContactReadApi.start(store, new ApiKeyAuthenticator(Set.of(KEY, "test-key-2")), 0, consuming::get,
            new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() {
        api.close();
        store.close();
    }

    @Test
    void shouldRefuseRequestsWithoutAConfiguredKey() throws Exception {
        final List<String> headers = List.of("", "Bearer wrong-key", "Basic " + KEY, "Bearer ");

        for (final String header : headers) {
            final HttpResponse<String> response = get("/contacts/c1", header);

            assertThat(response.statusCode()).as(header).isEqualTo(401);
            assertThat(json(response).get("error").asText()).isEqualTo("unauthorized");
            assertThat(json(response).get("message").asText()).isNotBlank();
        }
    }

    @Test
    void shouldAnswerHealthWithoutAKeyAndReportAStoppedConsumer() throws Exception {
        final HttpResponse<String> up = get("/health", "");

        consuming.set(false);
        final HttpResponse<String> down = get("/health", "");

        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(json(up).get("status").asText()).isEqualTo("UP");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(json(down).get("status").asText()).isEqualTo("DOWN");
    }

    @Test
    void shouldReturnAStoredContactAndAnswer404ForAnUnknownOne() throws Exception {
        store.apply(List.of(ContactChange.upsert(contact("c1", "locA"))), Map.of());

        final HttpResponse<String> found = get("/contacts/c1", "Bearer " + KEY);
        final HttpResponse<String> missing = get("/contacts/c2", "bearer test-key-2");
        final HttpResponse<String> unknownRoute = get("/nothing-here", "Bearer " + KEY);

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.headers().firstValue("Content-Type")).hasValueSatisfying(
            type -> assertThat(type).startsWith("application/json"));
        assertThat(json(found).get("contact").get("id").asText()).isEqualTo("c1");
        assertThat(json(found).get("contact").get("locationId").asText()).isEqualTo("locA");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("error").asText()).isEqualTo("not_found");
        assertThat(unknownRoute.statusCode()).isEqualTo(404);
        assertThat(json(unknownRoute).get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void shouldAnswer400ForAMissingLocationOrABadLimit() throws Exception {
        final List<String> paths = List.of("/contacts", "/contacts?locationId=", "/contacts?locationId=locA&limit=0",
            "/contacts?locationId=locA&limit=101", "/contacts?locationId=locA&limit=ten");

        for (final String path : paths) {
            final HttpResponse<String> response = get(path, "Bearer " + KEY);

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(json(response).get("error").asText()).isEqualTo("bad_request");
        }
    }

    @Test
    void shouldWalkEveryPageOfALocationThroughNextPageUrl() throws Exception {
        final List<ContactChange> changes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            changes.add(ContactChange.upsert(contact("c" + i, "locA")));
        }
        changes.add(ContactChange.upsert(contact("x1", "locB")));
        store.apply(changes, Map.of());

        final List<String> seen = new ArrayList<>();
        final List<Integer> pageSizes = new ArrayList<>();
        JsonNode page = json(get("/contacts?locationId=locA&limit=2", "Bearer " + KEY));
        while (true) {
            page.get("contacts").forEach(contact -> seen.add(contact.get("id").asText()));
            pageSizes.add(page.get("meta").get("count").asInt());
            if (page.get("meta").get("nextPageUrl").isNull()) {
                break;
            }
            page = json(getUrl(page.get("meta").get("nextPageUrl").asText(), "Bearer " + KEY));
        }

        assertThat(seen).containsExactly("c0", "c1", "c2", "c3", "c4");
        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(page.get("meta").get("startAfterId").asText()).isEqualTo("c4");
    }

    @Test
    void shouldAnswerAnEmptyPageWithNullCursors() throws Exception {
        final JsonNode page = json(get("/contacts?locationId=empty", "Bearer " + KEY));

        assertThat(page.get("contacts")).isEmpty();
        assertThat(page.get("meta").get("count").asInt()).isZero();
        assertThat(page.get("meta").get("startAfterId").isNull()).isTrue();
        assertThat(page.get("meta").get("nextPageUrl").isNull()).isTrue();
    }

    private HttpResponse<String> get(final String path, final String authorization) throws IOException,
        InterruptedException {
        return getUrl("http://localhost:" + api.port() + path, authorization);
    }

    private static HttpResponse<String> getUrl(final String url, final String authorization) throws IOException,
        InterruptedException {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(final HttpResponse<String> response) throws IOException {
        return MAPPER.readTree(response.body());
    }
}
