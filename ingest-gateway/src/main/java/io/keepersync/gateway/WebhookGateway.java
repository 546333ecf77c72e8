package io.keepersync.gateway;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.keepersync.gateway.metrics.GatewayMetrics;
import io.keepersync.gateway.publish.EventPublisher;
import io.keepersync.gateway.signature.SignatureVerifier;
import io.keepersync.gateway.webhook.RejectedRequest;
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
 * holds them. Also serves {@code GET /health}.
 *
 * <pre>{@code
 * try (WebhookGateway gateway = WebhookGateway.start(GatewayConfig.defaults("localhost:9092"))) {
 *     System.out.println("listening on " + gateway.port());
 * }
 * }</pre>
 *
 * <p>Answers: 200 accepted, 202 quarantined (signed but not a handled marketplace event), 400 malformed
 * JSON, 401 missing or bad signature, 413 body too large, 429 with {@code Retry-After} when Kafka cannot
 * take the event in time or anything unexpected fails (GHL retries only on 429 and drops the event on any
 * other status). Every error has the body {@code {"error":"<code>","message":"<text>"}}.
 */
public final class WebhookGateway implements AutoCloseable {

    /** Path GHL posts webhooks to. */
    public static final String WEBHOOK_PATH = "/webhooks/ghl";
    /** Liveness path. */
    public static final String HEALTH_PATH = "/health";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookGateway.class);
    private static final String JSON = "application/json";

    private final Javalin app;
    private final EventPublisher publisher;
    private final AtomicBoolean closed = new AtomicBoolean();

    private WebhookGateway(final Javalin app, final EventPublisher publisher) {
        this.app = app;
        this.publisher = publisher;
    }

    /** Starts a gateway whose meters go to a private in-memory registry. Blocks until the port is bound. */
    public static WebhookGateway start(final GatewayConfig config) {
        return start(config, new SimpleMeterRegistry());
    }

    /**
     * Starts a gateway reporting to the given meter registry. Blocks until the port is bound; does not
     * wait for Kafka, which may still be unreachable (webhooks then get 429).
     *
     * @throws RuntimeException if the port cannot be bound or the producer settings are invalid
     */
    public static WebhookGateway start(final GatewayConfig config, final MeterRegistry registry) {
        final GatewayMetrics metrics = new GatewayMetrics(registry);
        final Optional<SignatureVerifier> verifier = signatureVerifier(config);
        final EventPublisher publisher = new EventPublisher(config.kafkaProperties(), config.topics(),
            config.sendTimeout(), metrics);
        try {
            final Replies replies = new Replies(config.retryAfterSeconds());
            final WebhookHandler handler = new WebhookHandler(config.maxBodyBytes(), verifier, publisher, replies,
                metrics, Clock.systemUTC());
            final Javalin app = createApp(config, handler, replies, metrics).start(config.port());
            LOG.info("Webhook gateway started: port={} path={} contactEventsTopic={} quarantineTopic={} "
                + "signatures={}", app.port(), WEBHOOK_PATH, config.topics().contactEvents(),
                config.topics().quarantine(), verifier.isPresent() ? "verified" : "NOT verified");
            return new WebhookGateway(app, publisher);
        } catch (RuntimeException e) {
            publisher.close();
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

    private static Javalin createApp(final GatewayConfig config, final WebhookHandler handler,
                                     final Replies replies, final GatewayMetrics metrics) {
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.routes.post(WEBHOOK_PATH, handler);
            cfg.routes.get(HEALTH_PATH, ctx -> ctx.contentType(JSON).result("{\"status\":\"UP\"}"));
            cfg.routes.exception(RejectedRequest.class, (e, ctx) -> refuse(e, ctx, replies, metrics));
            cfg.routes.exception(Exception.class, (e, ctx) -> failUnexpectedly(e, ctx, replies, metrics));
            cfg.routes.error(404, "*", ctx -> replies.error(ctx, 404, "not_found",
                "No such endpoint. GHL webhooks go to POST " + WEBHOOK_PATH + "."));
        });
    }

    private static void refuse(final RejectedRequest rejection, final Context ctx, final Replies replies,
                               final GatewayMetrics metrics) {
        metrics.rejected(rejection.code(), rejection.status());
        LOG.warn("Webhook refused: status={} reason={} remote={}", rejection.status(), rejection.code(), ctx.ip());
        replies.error(ctx, rejection.status(), rejection.code(), rejection.getMessage());
    }

    private static void failUnexpectedly(final Exception error, final Context ctx, final Replies replies,
                                         final GatewayMetrics metrics) {
        metrics.rejected("internal_error", 429);
        LOG.error("Webhook handling failed unexpectedly; answering 429 so GHL retries", error);
        replies.retryLater(ctx, "internal_error",
            "The gateway failed to handle the event and did not accept it. Retry after the Retry-After delay.");
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
        publisher.close();
        LOG.info("Webhook gateway stopped: port={}", port);
    }
}
