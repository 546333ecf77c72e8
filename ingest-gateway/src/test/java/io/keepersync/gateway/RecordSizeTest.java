package io.keepersync.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keepersync.gateway.support.FreshWebhooks;
import io.keepersync.gateway.support.GatewayHttp;
import io.keepersync.gateway.support.TestKeys;
import io.keepersync.gateway.support.TopicReader;
import io.keepersync.kafka.SharedTestBroker;
import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.Topics;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A body the gateway accepts must fit into Kafka, and a record Kafka refuses must not be retried by GHL. */
@Timeout(60)
class RecordSizeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestKeys KEYS = TestKeys.generate();
    private static final String TWO_MIB = String.valueOf(2 * 1024 * 1024);

    @Test
    void shouldStoreABodyOfExactlyTheLimit() throws Exception {
        final Topics topics = createTopics("record-size-limit", TWO_MIB);
        final GatewayConfig config = config(topics);
        final String webhookId = UUID.randomUUID().toString();
        final byte[] body = FreshWebhooks.contactCreateOfSize(webhookId, (int) config.maxBodyBytes());

        try (WebhookGateway gateway = WebhookGateway.start(config);
             TopicReader<ContactEvent> events = new TopicReader<>(topics.contactEvents(), ContactEvent.class)) {
            final HttpResponse<String> response = new GatewayHttp(gateway.port())
                .postWebhook(body, "X-GHL-Signature", KEYS.signEd25519(body));

            assertThat(body).hasSize(1024 * 1024);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(events.awaitRecord(event -> webhookId.equals(event.getWebhookId())).value().getBody())
                .hasSize(body.length);
        }
    }

    @Test
    void shouldAnswer413NotRetryWhenTheTopicRefusesTheRecordAsTooLarge() throws Exception {
        final Topics topics = createTopics("record-size-small", "4096");
        final byte[] body = FreshWebhooks.contactCreateOfSize(UUID.randomUUID().toString(), 16 * 1024);

        try (WebhookGateway gateway = WebhookGateway.start(config(topics))) {
            final HttpResponse<String> response = new GatewayHttp(gateway.port())
                .postWebhook(body, "X-GHL-Signature", KEYS.signEd25519(body));

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Retry-After")).isEmpty();
            final JsonNode error = JSON.readTree(response.body());
            assertThat(error.get("error").textValue()).isEqualTo("body_too_large");
            assertThat(error.get("message").textValue()).doesNotContainIgnoringCase("kafka").doesNotContain("max.");
        }
    }

    private static GatewayConfig config(final Topics topics) {
        return GatewayConfig.defaults(SharedTestBroker.bootstrapServers())
            .withTopics(topics)
            .withEd25519PublicKey(KEYS.ed25519Public());
    }

    /** Event and quarantine topics of one partition whose largest record is {@code maxMessageBytes}. */
    private static Topics createTopics(final String name, final String maxMessageBytes) throws Exception {
        final Topics topics = Topics.withPrefix(name + "-" + UUID.randomUUID() + ".");
        final Map<String, String> limit = Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessageBytes);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            SharedTestBroker.bootstrapServers()))) {
            admin.createTopics(List.of(
                new NewTopic(topics.contactEvents(), 1, (short) 1).configs(limit),
                new NewTopic(topics.quarantine(), 1, (short) 1).configs(limit))).all().get(30, TimeUnit.SECONDS);
        }
        return topics;
    }
}
