package io.keepersync.gateway;

import static io.keepersync.gateway.support.ErrorAnswers.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keepersync.gateway.support.GatewayHttp;
import io.keepersync.gateway.support.RawHttp;
import io.keepersync.gateway.support.RawHttp.RawResponse;
import io.keepersync.gateway.support.TestKeys;
import io.keepersync.kafka.SharedTestBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every error answer, Jetty's own included, is the gateway's JSON error body and reveals no internals. */
@Timeout(60)
class ErrorAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestKeys KEYS = TestKeys.generate();
    private static final int MAX_BODY_BYTES = 16 * 1024;

    private static WebhookGateway gateway;
    private static GatewayHttp http;

    @BeforeAll
    static void startGateway() {
        gateway = WebhookGateway.start(GatewayConfig.defaults(SharedTestBroker.bootstrapServers())
            .withTopics(SharedTestBroker.freshTopics("errors"))
            .withEd25519PublicKey(KEYS.ed25519Public())
            .withMaxBodyBytes(MAX_BODY_BYTES)
            .withBodyReadTimeout(Duration.ofSeconds(1)));
        http = new GatewayHttp(gateway.port());
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Test
    void shouldAnswer431AsJsonForHeadersTooLarge() throws Exception {
        final RawResponse response = RawHttp.exchange(gateway.port(), "POST /webhooks/ghl HTTP/1.1\r\n"
            + "Host: localhost\r\nX-Padding: " + "a".repeat(64 * 1024) + "\r\nConnection: close\r\n\r\n");

        assertRawError(response, 431, "headers_too_large");
    }

    @Test
    void shouldAnswer400AsJsonForABadUri() throws Exception {
        final RawResponse response = RawHttp.exchange(gateway.port(),
            "GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertRawError(response, 400, "bad_request");
    }

    @Test
    void shouldAnswer408AsJsonWhenTheBodyStopsArriving() throws Exception {
        final RawResponse response = RawHttp.exchange(gateway.port(), "POST /webhooks/ghl HTTP/1.1\r\n"
            + "Host: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"type\"");

        assertRawError(response, 408, "request_timeout");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH"})
    void shouldAnswer405WithAllowForOtherMethodsOnTheWebhookPath(final String method) throws Exception {
        final HttpResponse<String> response = send(method, WebhookGateway.WEBHOOK_PATH);

        assertError(response, 405, "method_not_allowed");
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void shouldAnswer405WithAllowForAPostToHealth() throws Exception {
        final HttpResponse<String> response = send("POST", WebhookGateway.HEALTH_PATH);

        assertError(response, 405, "method_not_allowed");
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void shouldAnswer404AsJsonForAnUnknownPath() throws Exception {
        final HttpResponse<String> response = send("DELETE", "/nothing/here");

        assertError(response, 404, "not_found");
    }

    @Test
    void shouldNotRevealParserInternalsForDeeplyNestedJson() throws Exception {
        final byte[] body = ("{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}").getBytes(StandardCharsets.UTF_8);

        final HttpResponse<String> response = http.postWebhook(body, "X-GHL-Signature", KEYS.signEd25519(body));

        final JsonNode error = assertError(response, 400, "malformed_json");
        assertThat(error.get("message").textValue())
            .doesNotContain("StreamReadConstraints").doesNotContain("jackson").doesNotContain("()");
    }

    @Test
    void shouldStateTheBodyLimitInBytesWithoutNamingASetting() throws Exception {
        final byte[] body = ("{\"padding\":\"" + "x".repeat(MAX_BODY_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);

        final HttpResponse<String> response = http.postWebhook(body, "X-GHL-Signature", KEYS.signEd25519(body));

        final JsonNode error = assertError(response, 413, "body_too_large");
        assertThat(error.get("message").textValue()).contains(MAX_BODY_BYTES + " bytes").doesNotContain("maxBodyBytes");
    }

    private static HttpResponse<String> send(final String method, final String path) throws Exception {
        final HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + gateway.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(10))
            .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }


    private static void assertRawError(final RawResponse response, final int status, final String code)
        throws Exception {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.head()).containsIgnoringCase("Content-Type: application/json");
        final JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("error").textValue()).isEqualTo(code);
        assertThat(error.get("message").textValue()).isNotBlank();
    }
}
