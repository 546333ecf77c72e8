package io.keepersync.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.keepersync.gateway.support.GatewayHttp;
import io.keepersync.gateway.support.GhlExamples;
import io.keepersync.kafka.SharedTestBroker;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** Switching signature checks off must be explicit and loudly logged. */
@Timeout(60)
class UnverifiedGatewayTest {

    private final Logger gatewayLogger = (Logger) LoggerFactory.getLogger(WebhookGateway.class);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
        gatewayLogger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        gatewayLogger.detachAppender(logs);
    }

    @Test
    void shouldAcceptUnsignedWebhooksAndWarnOnceWhenVerificationIsOff() {
        final GatewayConfig config = GatewayConfig.defaults(SharedTestBroker.bootstrapServers())
            .withTopics(SharedTestBroker.freshTopics("unverified"))
            .withSignatureVerificationDisabled()
            .withMaxWebhookAge(GhlExamples.AGE_OF_EXAMPLES);
        final byte[] body = GhlExamples.bytes("webhook-NoteCreate.json");

        try (WebhookGateway gateway = WebhookGateway.start(config)) {
            final GatewayHttp http = new GatewayHttp(gateway.port());
            final HttpResponse<String> first = http.postWebhook(body);
            final HttpResponse<String> second = http.postWebhook(body);

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(warnings()).hasSize(1).allMatch(message -> message.contains("verification is switched OFF"));
        }
    }

    private List<String> warnings() {
        return logs.list.stream()
            .filter(event -> event.getLevel() == Level.WARN)
            .map(ILoggingEvent::getFormattedMessage)
            .collect(Collectors.toList());
    }
}
