package io.keepersync.gateway;

import io.javalin.Javalin;
import io.keepersync.gateway.health.KafkaHealth;
import io.keepersync.gateway.http.HttpLimits;
import io.keepersync.gateway.http.JettySetup;
import io.keepersync.gateway.metrics.GatewayMetrics;
import io.keepersync.gateway.publish.EventPublisher;
import io.keepersync.gateway.signature.SignatureVerifier;
import io.keepersync.gateway.webhook.Replies;
import io.keepersync.gateway.webhook.WebhookHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP entry point of the pipeline: receives GHL marketplace webhooks on {@code POST /webhooks/ghl},
 * verifies their signatures over the raw body and publishes them to Kafka, answering only once Kafka
 * holds them. Also serves {@code GET /health}, which reports whether Kafka is reachable.
 *
 * <pre>{@code
 * try (WebhookGateway gateway = WebhookGateway.start(GatewayConfig.defaults("localhost:9092"))) {
 *     System.out.println("listening on " + gateway.port());
 * }
 * }</pre>
 *
 * <p>Answers: 200 accepted, 202 quarantined (signed but not a handled marketplace event), 400 malformed
 * JSON or stale timestamp, 401 missing or bad signature, 408 body too slow, 413 body too large, 429 with
 * {@code Retry-After} when Kafka cannot take the event in time or anything unexpected fails (GHL retries
 * only on 429 and drops the event on any other status). Every error, including Jetty's own, has the body
 * {@code {"error":"<code>","message":"<text>"}}.
 */
public final class WebhookGateway implements AutoCloseable {

    /** Path GHL posts webhooks to. */
    public static final String WEBHOOK_PATH = "/webhooks/ghl";
    /** Health path: 200 while Kafka is reachable, else 503. */
    public static final String HEALTH_PATH = "/health";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookGateway.class);

    private final Javalin app;
    private final EventPublisher publisher;
    private final KafkaHealth health;
    private final AtomicBoolean closed = new AtomicBoolean();

    private WebhookGateway(final Javalin app, final EventPublisher publisher, final KafkaHealth health) {
        this.app = app;
        this.publisher = publisher;
        this.health = health;
    }

    /** Starts a gateway whose meters go to a private in-memory registry. Blocks until the port is bound. */
    public static WebhookGateway start(final GatewayConfig config) {
        return start(config, new SimpleMeterRegistry());
    }

    /**
     * Starts a gateway reporting to the given meter registry. Blocks until the port is bound; does not
     * wait for Kafka, which may still be unreachable (webhooks then get 429, {@code /health} 503).
     *
     * @throws RuntimeException if the port cannot be bound or the producer settings are invalid
     */
    public static WebhookGateway start(final GatewayConfig config, final MeterRegistry registry) {
        final GatewayMetrics metrics = new GatewayMetrics(registry);
        final EventPublisher publisher = new EventPublisher(config.kafkaProperties(), config.topics(),
            config.sendTimeout(), config.maxBodyBytes(), metrics);
        try {
            return startWith(config, publisher, metrics);
        } catch (RuntimeException e) {
            publisher.close();
            throw e;
        }
    }

    private static WebhookGateway startWith(final GatewayConfig config, final EventPublisher publisher,
                                            final GatewayMetrics metrics) {
        final Optional<SignatureVerifier> verifier = signatureVerifier(config);
        final KafkaHealth health = new KafkaHealth(config.kafkaProperties());
        try {
            final Javalin app = createApp(config, verifier, publisher, health, metrics).start();
            LOG.info("Webhook gateway started: port={} path={} contactEventsTopic={} quarantineTopic={} "
                + "signatures={} bodyReadTimeoutMs={} maxWebhookAgeMinutes={}", app.port(), WEBHOOK_PATH,
                config.topics().contactEvents(), config.topics().quarantine(),
                verifier.isPresent() ? "verified" : "NOT verified", config.bodyReadTimeout().toMillis(),
                config.maxWebhookAge().toMinutes());
            return new WebhookGateway(app, publisher, health);
        } catch (RuntimeException e) {
            health.close();
            throw e;
        }
    }

    private static Optional<SignatureVerifier> signatureVerifier(final GatewayConfig config) {
        if (!config.verifySignatures()) {
            LOG.warn("Webhook signature verification is switched OFF: anyone who can reach this port can publish "
                + "contact events. Use this only for local tests.");
            return Optional.empty();
        }
        return Optional.of(new SignatureVerifier(config.ed25519PublicKey(), config.rsaPublicKey()));
    }

    private static Javalin createApp(final GatewayConfig config, final Optional<SignatureVerifier> verifier,
                                     final EventPublisher publisher, final KafkaHealth health,
                                     final GatewayMetrics metrics) {
        final Replies replies = new Replies(config.retryAfterSeconds());
        final WebhookHandler webhooks = new WebhookHandler(config.maxBodyBytes(), verifier, config.maxWebhookAge(),
            publisher, replies, metrics, Clock.systemUTC());
        final HttpLimits limits = new HttpLimits(config.port(), config.maxBodyBytes(), config.bodyReadTimeout(),
            config.idleTimeout());
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = config.maxBodyBytes();
            JettySetup.configure(cfg.jetty, limits, metrics);
            new GatewayRoutes(replies, metrics).register(cfg.routes, webhooks, health);
        });
    }

    /** The bound HTTP port (useful when the configured port was 0). */
    public int port() {
        return app.port();
    }

    /**
     * Stops accepting HTTP requests first, then flushes and closes the Kafka producer so records
     * already handed to it are delivered. Blocks up to about the send timeout. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        final int port = app.port();
        app.stop();
        health.close();
        publisher.close();
        LOG.info("Webhook gateway stopped: port={}", port);
    }
}
