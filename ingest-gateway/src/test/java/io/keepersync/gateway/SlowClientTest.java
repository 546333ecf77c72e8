package io.keepersync.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.keepersync.gateway.metrics.GatewayMetrics;
import io.keepersync.gateway.support.FreshWebhooks;
import io.keepersync.gateway.support.GatewayHttp;
import io.keepersync.gateway.support.SlowSender;
import io.keepersync.gateway.support.TestKeys;
import io.keepersync.kafka.SharedTestBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** Clients that send their bodies too slowly, or not at all, must not tie up the gateway. */
@Timeout(60)
class SlowClientTest {

    private static final TestKeys KEYS = TestKeys.generate();
    private static final Duration BODY_READ_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(1);
    private static final int SLOW_CLIENTS = 50;

    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();
    private static WebhookGateway gateway;
    private static GatewayHttp http;

    private final Logger rootLogger = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeAll
    static void startGateway() {
        final GatewayConfig config = GatewayConfig.defaults(SharedTestBroker.bootstrapServers())
            .withTopics(SharedTestBroker.freshTopics("slow"))
            .withEd25519PublicKey(KEYS.ed25519Public())
            .withBodyReadTimeout(BODY_READ_TIMEOUT)
            .withIdleTimeout(IDLE_TIMEOUT);
        gateway = WebhookGateway.start(config, METERS);
        http = new GatewayHttp(gateway.port());
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @BeforeEach
    void captureLogs() {
        logs.start();
        rootLogger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        rootLogger.detachAppender(logs);
    }

    @Test
    void shouldKeepAnsweringWhileSlowBodiesAreCutOffAtTheDeadline() {
        final List<SlowSender> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                slow.add(SlowSender.start(gateway.port(), 100_000));
            }
            final byte[] body = FreshWebhooks.contactCreate(UUID.randomUUID().toString());

            final long started = System.nanoTime();
            final HttpResponse<String> health = http.get("/health");
            final HttpResponse<String> webhook = http.postWebhook(body, "X-GHL-Signature", KEYS.signEd25519(body));
            final Duration answeredIn = Duration.ofNanos(System.nanoTime() - started);

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(webhook.statusCode()).isEqualTo(200);
            assertThat(answeredIn).isLessThan(BODY_READ_TIMEOUT);
            await().atMost(BODY_READ_TIMEOUT.plusSeconds(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> trickleAllAndCountCutOff(slow) == SLOW_CLIENTS);
            assertThat(slow).allSatisfy(sender -> assertThat(sender.status().orElse(408)).isEqualTo(408));
            assertThat(METERS.counter(GatewayMetrics.REJECTED, "reason", "body_read_timeout", "status", "408").count())
                .isEqualTo(SLOW_CLIENTS);
        } finally {
            slow.forEach(SlowSender::close);
        }
    }

    @Test
    void shouldLogOneWarningAndAnswerNothingWhenTheClientLeavesMidBody() throws Exception {
        final double disconnectedBefore = METERS.counter(GatewayMetrics.DISCONNECTED).count();

        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            final OutputStream out = socket.getOutputStream();
            out.write(("POST /webhooks/ghl HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1000\r\n\r\n{\"type\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        await().atMost(Duration.ofSeconds(5))
            .until(() -> METERS.counter(GatewayMetrics.DISCONNECTED).count() > disconnectedBefore);
        final List<ILoggingEvent> problems = logs.list.stream()
            .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
            .filter(event -> !event.getLoggerName().startsWith("org.apache.kafka"))
            .toList();
        assertThat(problems).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getThrowableProxy()).isNull();
            assertThat(event.getFormattedMessage()).contains("remote=").contains("bytesReceived=8");
        });
        assertThat(METERS.find(GatewayMetrics.REJECTED).tag("reason", "internal_error").counter()).isNull();
    }

    /** Sends one more byte on every open connection; returns how many the gateway has answered or closed. */
    private static long trickleAllAndCountCutOff(final List<SlowSender> senders) {
        long cutOff = 0;
        for (final SlowSender sender : senders) {
            if (sender.trickle()) {
                cutOff++;
            }
        }
        return cutOff;
    }

    @Test
    void shouldCloseAConnectionThatSendsNothing() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout((int) IDLE_TIMEOUT.plusSeconds(3).toMillis());

            final int read = socket.getInputStream().read();

            assertThat(read).isEqualTo(-1);
        }
    }
}
