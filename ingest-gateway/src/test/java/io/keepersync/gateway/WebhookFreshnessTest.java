package io.keepersync.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keepersync.gateway.support.FreshWebhooks;
import io.keepersync.gateway.support.GatewayHttp;
import io.keepersync.gateway.support.TestKeys;
import io.keepersync.kafka.SharedTestBroker;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Correctly signed but old (or future) webhooks must not be replayable. */
@Timeout(60)
class WebhookFreshnessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestKeys KEYS = TestKeys.generate();

    private static WebhookGateway gateway;
    private static GatewayHttp http;

    @BeforeAll
    static void startGateway() {
        gateway = WebhookGateway.start(GatewayConfig.defaults(SharedTestBroker.bootstrapServers())
            .withTopics(SharedTestBroker.freshTopics("freshness"))
            .withEd25519PublicKey(KEYS.ed25519Public()));
        http = new GatewayHttp(gateway.port());
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Test
    void shouldRefuseAnOldSignedWebhook() throws Exception {
        final byte[] body = FreshWebhooks.contactCreate(UUID.randomUUID().toString(),
            Instant.parse("2020-01-01T00:00:00Z"));

        final HttpResponse<String> response = post(body);

        assertStale(response);
    }

    @Test
    void shouldRefuseAWebhookFromTheFuture() throws Exception {
        final byte[] body = FreshWebhooks.contactCreate(UUID.randomUUID().toString(),
            Instant.now().plus(Duration.ofMinutes(11)));

        final HttpResponse<String> response = post(body);

        assertStale(response);
    }

    @Test
    void shouldAcceptAWebhookRetriedWithinGhlsRetryWindow() {
        final byte[] body = FreshWebhooks.contactCreate(UUID.randomUUID().toString(),
            Instant.now().minus(Duration.ofMinutes(75)));

        final HttpResponse<String> response = post(body);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAcceptAWebhookWithoutTimestamp() {
        final byte[] body = FreshWebhooks.contactCreateWithoutTimestamp(UUID.randomUUID().toString());

        final HttpResponse<String> response = post(body);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> post(final byte[] body) {
        return http.postWebhook(body, "X-GHL-Signature", KEYS.signEd25519(body));
    }

    private static void assertStale(final HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(400);
        final JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("error").textValue()).isEqualTo("stale_webhook");
        assertThat(error.get("message").textValue()).isNotBlank();
    }
}
