package io.keepersync.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keepersync.gateway.support.GatewayHttp;
import io.keepersync.gateway.support.GhlExamples;
import io.keepersync.gateway.support.TestKeys;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * GHL retries only on 429, so a Kafka outage must be answered with 429 and Retry-After, quickly; and
 * {@code /health} must show the outage.
 */
@Timeout(30)
class KafkaUnavailableTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldAnswer429WithRetryAfterWhenNoBrokerListens() throws Exception {
        final TestKeys keys = TestKeys.generate();
        final GatewayConfig config = GatewayConfig.defaults("127.0.0.1:" + closedPort())
            .withEd25519PublicKey(keys.ed25519Public())
            .withSendTimeout(Duration.ofSeconds(1))
            .withRetryAfterSeconds(7)
            .withMaxWebhookAge(GhlExamples.AGE_OF_EXAMPLES);
        final byte[] body = GhlExamples.bytes("webhook-ContactCreate.json");

        try (WebhookGateway gateway = WebhookGateway.start(config)) {
            final long started = System.nanoTime();
            final HttpResponse<String> response = new GatewayHttp(gateway.port())
                .postWebhook(body, "X-GHL-Signature", keys.signEd25519(body));
            final Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
            final JsonNode error = JSON.readTree(response.body());
            assertThat(error.get("error").textValue()).isEqualTo("kafka_unavailable");
            assertThat(error.get("message").textValue()).isNotBlank();
            assertThat(elapsed).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void shouldReportDownOnHealthWhenNoBrokerListens() throws Exception {
        final GatewayConfig config = GatewayConfig.defaults("127.0.0.1:" + closedPort());

        try (WebhookGateway gateway = WebhookGateway.start(config)) {
            final long started = System.nanoTime();
            final HttpResponse<String> response = new GatewayHttp(gateway.port()).get(WebhookGateway.HEALTH_PATH);
            final Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.statusCode()).isEqualTo(503);
            final JsonNode health = JSON.readTree(response.body());
            assertThat(health.get("status").textValue()).isEqualTo("DOWN");
            assertThat(health.get("reason").textValue()).isEqualTo("kafka_unreachable");
            assertThat(elapsed).isLessThan(Duration.ofSeconds(4));
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
